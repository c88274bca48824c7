// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SiteRouting } from '../../../src/messages';
import { fakeMessageClient } from '../../fakes/messageClient';
import { renderPage } from '../../fakes/renderPage';

vi.mock('webextension-polyfill', () => {
  const window = { id: 1, focused: true, tabs: [{ active: true, url: 'https://alice.github.io/blog' }] };
  return {
    default: {
      runtime: { getURL: (path: string) => `chrome-extension://rampart/${path}` },
      windows: { getAll: vi.fn(async () => [window]), getLastFocused: vi.fn(async () => window) },
    },
  };
});
const { SitePanel } = await import('../../../popup/SitePanel');

afterEach(cleanup);

const route = (more: Partial<SiteRouting>): SiteRouting => ({
  host: 'alice.github.io',
  site: 'alice.github.io',
  route: 'vpn',
  reason: 'global',
  ruleAction: null,
  ...more,
});

describe('the current site card', () => {
  it('shows the route, and its one switch names the rule it makes in plain words', async () => {
    const client = fakeMessageClient().reply('getSiteRouting', route({}));
    renderPage(<SitePanel />, client);
    const toggle = await screen.findByRole('switch', { name: /^Use the VPN on this site/ });
    expect(toggle).toHaveProperty('checked', true);
    expect(screen.getByTestId('site-route').textContent).toBe('goes through the VPN');
    expect(screen.getByTestId('site-vpn-switch').textContent).toContain(
      'The switch makes a rule for all of alice.github.io.',
    );
    expect(client.sentOf('getSiteRouting')).toEqual([
      { type: 'getSiteRouting', url: 'https://alice.github.io/blog' },
    ]);
  });

  it('switching off writes a "never" rule for the tab’s host and shows the route the background answers', async () => {
    const client = fakeMessageClient()
      .reply('getSiteRouting', route({}))
      .reply(
        'setSiteRule',
        route({ route: 'direct', reason: 'siteRule', ruleAction: 'never', rulePattern: 'alice.github.io' }),
      );
    renderPage(<SitePanel />, client);
    fireEvent.click(await screen.findByRole('switch', { name: /^Use the VPN on this site/ }));
    await waitFor(() => expect(screen.getByTestId('site-route').textContent).toBe('goes direct'));
    expect(client.sentOf('setSiteRule')).toEqual([
      { type: 'setSiteRule', host: 'alice.github.io', action: 'never' },
    ]);
    expect(screen.getByRole('switch', { name: /^Use the VPN on this site/ })).toHaveProperty(
      'checked',
      false,
    );
    expect(screen.getByTestId('site-rule').textContent).toContain(
      'Your rule: never use the VPN on all of alice.github.io.',
    );
  });

  it('asks with two choices only, and sends the answer with "remember"', async () => {
    const client = fakeMessageClient()
      .reply('getSiteRouting', route({ route: 'ask', reason: 'category', category: 'webmail' }))
      .reply('answerAsk', route({ route: 'vpn', reason: 'siteRule', ruleAction: 'always' }));
    renderPage(<SitePanel />, client);
    const prompt = await screen.findByTestId('ask-prompt');
    expect(prompt.querySelectorAll('button')).toHaveLength(2);
    expect(screen.queryByRole('switch')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Remember my choice' }));
    fireEvent.click(screen.getByTestId('ask-vpn'));
    await waitFor(() => expect(screen.getByTestId('site-route').textContent).toBe('goes through the VPN'));
    expect(client.sentOf('answerAsk')).toEqual([
      { type: 'answerAsk', host: 'alice.github.io', route: 'vpn', remember: true },
    ]);
  });

  it('offers no switch for a host that never goes through the VPN', async () => {
    const client = fakeMessageClient().reply(
      'getSiteRouting',
      route({ host: 'intranet', site: 'intranet', route: 'direct', reason: 'bypass', bypass: 'singleLabel' }),
    );
    renderPage(<SitePanel />, client);
    await screen.findByTestId('site-bypassed');
    expect(screen.queryByRole('switch')).toBeNull();
  });

  it('re-reads the route when the background pushes a change', async () => {
    const client = fakeMessageClient().reply('getSiteRouting', route({ route: 'direct' }));
    renderPage(<SitePanel />, client);
    await waitFor(() => expect(screen.getByTestId('site-route').dataset.route).toBe('direct'));
    client.reply('getSiteRouting', route({ route: 'vpn' }));
    client.pushStorage({ settings: { oldValue: { v: 1 }, newValue: { v: 2 } } });
    await waitFor(() => expect(screen.getByTestId('site-route').dataset.route).toBe('vpn'));
  });

  it('keeps saying which rule the switch removed when the settings push re-reads the route', async () => {
    const client = fakeMessageClient()
      .reply(
        'getSiteRouting',
        route({ reason: 'siteRule', ruleAction: 'always', rulePattern: '*.github.io' }),
      )
      .reply(
        'setSiteRule',
        route({
          route: 'direct',
          reason: 'siteRule',
          ruleAction: 'never',
          rulePattern: 'alice.github.io',
          replaced: [{ pattern: '*.github.io', action: 'always' }],
        }),
      );
    renderPage(<SitePanel />, client);
    fireEvent.click(await screen.findByRole('switch', { name: /^Use the VPN on this site/ }));
    const removed = 'Removed the rule “*.github.io” (Always use VPN): it sent this site the other way.';
    await waitFor(() => expect(screen.getByTestId('site-replaced').textContent).toBe(removed));
    // The write's own push arrives after the reply: a plain read of the route, which names nothing removed.
    client.reply(
      'getSiteRouting',
      route({ route: 'direct', reason: 'siteRule', ruleAction: 'never', rulePattern: 'alice.github.io' }),
    );
    client.pushStorage({ settings: { oldValue: { v: 1 }, newValue: { v: 2 } } });
    await waitFor(() => expect(client.sentOf('getSiteRouting')).toHaveLength(2));
    await waitFor(() => expect(screen.getByTestId('site-route').textContent).toBe('goes direct'));
    expect(screen.getByTestId('site-replaced').textContent).toBe(removed);
  });
});
