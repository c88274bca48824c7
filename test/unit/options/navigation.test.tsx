// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Options } from '../../../options/Options';
import { optionsBackground } from '../../fakes/optionsBackground';
import { englishText as t, renderPage } from '../../fakes/renderPage';

afterEach(cleanup);
beforeEach(() => {
  location.hash = '';
});

const shown = () => document.querySelector<HTMLElement>('.options-section')?.dataset.section;
const current = () => screen.getByRole('link', { current: 'page' });

async function open(hash: string) {
  location.hash = hash;
  const client = optionsBackground();
  renderPage(<Options />, client);
  await screen.findByRole('heading', { level: 2 });
  return client;
}

describe('options navigation', () => {
  it('lists the eight sections in order, each a link to its hash', async () => {
    await open('');
    const nav = screen.getByRole('navigation', { name: 'Settings sections' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['General', '#general'],
      ['Site rules', '#site-rules'],
      ['Categories', '#categories'],
      ['Web protection', '#web-protection'],
      ['Account', '#account'],
      ['Own gateway', '#own-gateway'],
      ['Backup', '#backup'],
      ['About', '#about'],
    ]);
  });

  it('opens General without a hash or with one it does not know', async () => {
    await open('#no-such-section');
    expect(shown()).toBe('general');
    expect(current().textContent).toBe('General');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('General');
  });

  it('opens the section a link names (#site-rules from the popup) and marks it in the navigation', async () => {
    await open('#site-rules');
    expect(shown()).toBe('site-rules');
    expect(current().getAttribute('href')).toBe('#site-rules');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Site rules');
    expect(screen.getByLabelText('Site')).toBeTruthy();
  });

  it('follows the hash as the user goes from section to section, one section at a time', async () => {
    await open('#general');
    expect(document.querySelector('#kill-switch')).not.toBeNull();
    await act(() => {
      location.hash = '#about';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await waitFor(() => expect(shown()).toBe('about'));
    expect(current().textContent).toBe('About');
    expect(document.querySelector('#kill-switch')).toBeNull();
    expect(document.querySelectorAll('.options-section')).toHaveLength(1);
  });

  it('gives every section its one-line purpose under its heading', async () => {
    const purposes: Record<string, string> = {
      general: 'purpose_general',
      'site-rules': 'purpose_siteRules',
      categories: 'categoriesHint',
      'web-protection': 'purpose_webProtection',
      account: 'purpose_account',
      'own-gateway': 'selfHostedHint',
      backup: 'backupHint',
      about: 'purpose_about',
    };
    await open('#general');
    for (const [section, key] of Object.entries(purposes)) {
      await act(() => {
        location.hash = `#${section}`;
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      });
      await waitFor(() => expect(shown()).toBe(section));
      const purpose = document.querySelector('.section-purpose')?.textContent ?? '';
      expect(purpose).toBe(t(key));
      expect(purpose).not.toBe(key);
    }
  });

  it('clicking a navigation link changes the hash', async () => {
    await open('#general');
    fireEvent.click(screen.getByRole('link', { name: 'Backup' }));
    await waitFor(() => expect(location.hash).toBe('#backup'));
  });
});

describe('About', () => {
  it('shows the version, credits the bundled data with its licences, and opens My Rampart', async () => {
    const client = await open('#about');
    await waitFor(() => expect(screen.getByTestId('about-version').textContent).toBe('Version 1.2.3'));
    const categories = screen.getByTestId('credit-categories');
    expect(categories.textContent).toContain(
      'UT1 blacklists by Fabrice Prigent, Université Toulouse Capitole',
    );
    expect(categories.textContent).toContain('CC BY-SA 4.0');
    expect(categories.textContent).toContain('Changed:');
    const hrefs = (id: string) =>
      [...screen.getByTestId(id).querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs('credit-categories')).toEqual([
      'https://dsi.ut-capitole.fr/blacklists/',
      'https://creativecommons.org/licenses/by-sa/4.0/',
      '/data/categories/LICENSE.md',
    ]);
    expect(screen.getByTestId('credit-threats').textContent).toContain('URLhaus');
    expect(hrefs('credit-threats')).toContain('https://creativecommons.org/publicdomain/zero/1.0/');
    expect(screen.getByTestId('credit-psl').textContent).toContain('Mozilla Public License 2.0');

    fireEvent.click(screen.getByRole('button', { name: 'Open My Rampart' }));
    await waitFor(() => expect(client.sentOf('openPortal')).toEqual([{ type: 'openPortal', page: 'home' }]));
  });
});
