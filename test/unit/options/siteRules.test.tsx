// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Options } from '../../../options/Options';
import type { Settings } from '../../../src/settings';
import { manyRules, optionsBackground } from '../../fakes/optionsBackground';
import { renderPage } from '../../fakes/renderPage';

afterEach(cleanup);
beforeEach(() => {
  location.hash = '#site-rules';
});

async function siteRules(settings: Partial<Settings>) {
  const client = optionsBackground(settings);
  renderPage(<Options />, client);
  await screen.findByRole('heading', { level: 2, name: 'Site rules' });
  return client;
}

const count = () => screen.getByTestId('rule-count').textContent;
const patterns = () =>
  [...document.querySelectorAll('[data-testid="rule-list"] .rule-pattern')].map((e) => e.textContent);
const search = (text: string) =>
  act(() => {
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search rules' }), { target: { value: text } });
  });

describe('site rules: thousands of them, searched and paged', () => {
  it('shows the first 50 of 3,214 rules with the count and page controls', async () => {
    await siteRules({ siteRules: manyRules(3214) });
    expect(count()).toBe('1–50 of 3,214');
    expect(patterns()).toHaveLength(50);
    expect(patterns()[0]).toBe('site-0000.example');
    expect(patterns()[49]).toBe('site-0049.example');
    expect(screen.getByTestId('rule-page').textContent).toBe('Page 1 of 65');
    expect((screen.getByTestId('rule-page-previous') as HTMLButtonElement).disabled).toBe(true);
  });

  it('pages forward and back; the last page holds the remainder', async () => {
    await siteRules({ siteRules: manyRules(214) });
    await act(() => void fireEvent.click(screen.getByTestId('rule-page-next')));
    expect(count()).toBe('51–100 of 214');
    expect(patterns()[0]).toBe('site-0050.example');
    for (let i = 0; i < 3; i++) await act(() => void fireEvent.click(screen.getByTestId('rule-page-next')));
    expect(count()).toBe('201–214 of 214');
    expect(screen.getByTestId('rule-page').textContent).toBe('Page 5 of 5');
    expect(patterns()).toHaveLength(14);
    expect((screen.getByTestId('rule-page-next') as HTMLButtonElement).disabled).toBe(true);
    await act(() => void fireEvent.click(screen.getByTestId('rule-page-previous')));
    expect(count()).toBe('151–200 of 214');
  });

  it('filters by a part of the pattern as the user types, back to the first page', async () => {
    await siteRules({ siteRules: manyRules(3214) });
    await act(() => void fireEvent.click(screen.getByTestId('rule-page-next')));
    await search('site-12');
    expect(count()).toBe('1–50 of 100');
    expect(patterns()[0]).toBe('site-1200.example');
    await search('  SITE-1234 ');
    expect(count()).toBe('1–1 of 1');
    expect(patterns()).toEqual(['site-1234.example']);
    expect(screen.queryByTestId('rule-pager')).toBeNull();
    await search('nothing-like-this');
    expect(count()).toBe('No rule matches “nothing-like-this”.');
    expect(patterns()).toEqual([]);
    await search('');
    expect(count()).toBe('1–50 of 3,214');
  });

  it('changes and deletes the rule in its row, leaving the others as they were', async () => {
    const client = await siteRules({ siteRules: manyRules(120) });
    await search('site-0101');
    await act(
      () =>
        void fireEvent.change(screen.getByLabelText('Action for site-0101.example'), {
          target: { value: 'ask' },
        }),
    );
    await waitFor(() =>
      expect(client.stored().siteRules.find((r) => r.pattern === 'site-0101.example')?.action).toBe('ask'),
    );
    await act(
      () =>
        void fireEvent.click(screen.getByRole('button', { name: 'Delete the rule for site-0101.example' })),
    );
    await waitFor(() => expect(client.stored().siteRules).toHaveLength(119));
    expect(client.stored().siteRules).toEqual(
      manyRules(120).filter((r) => r.pattern !== 'site-0101.example'),
    );
    expect(count()).toBe('No rule matches “site-0101”.');
  });

  it('a rule added among thousands is shown on its page and marked, even if the search hid it', async () => {
    const client = await siteRules({ siteRules: manyRules(3214) });
    await search('site-00');
    fireEvent.input(screen.getByLabelText('Site'), { target: { value: 'https://www.Zebra.example/path' } });
    await act(() => void fireEvent.submit(screen.getByTestId('rule-form')));
    // A path is refused with the reason; nothing is saved.
    expect(screen.getByTestId('rule-error').textContent).toMatch(
      /^Rules apply to whole hosts, not to single pages/,
    );
    expect(client.sentOf('updateSettings')).toHaveLength(0);

    fireEvent.input(screen.getByLabelText('Site'), { target: { value: 'www.Zebra.example' } });
    await act(() => void fireEvent.submit(screen.getByTestId('rule-form')));
    await waitFor(() => expect(client.stored().siteRules).toHaveLength(3215));
    await waitFor(() => expect(count()).toBe('3,201–3,215 of 3,215'));
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('');
    expect(screen.queryByTestId('rule-error')).toBeNull();
    const added = document.querySelector('.rule.added .rule-pattern');
    expect(added?.textContent).toBe('www.zebra.example');
  });

  it('with no rules says how to add one, and shows no search or pages', async () => {
    await siteRules({ siteRules: [] });
    expect(screen.getByTestId('rule-list-empty').textContent).toBe(
      'No site rules yet. Add one above, or paste a whole list below.',
    );
    expect(screen.queryByRole('searchbox')).toBeNull();
    expect(screen.queryByTestId('rule-pager')).toBeNull();
  });
});
