// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMessageClient } from '../../fakes/messageClient';
import { protectionStatus, regionList, statusIn } from '../../fakes/popupStates';
import { renderPage } from '../../fakes/renderPage';

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { openOptionsPage: vi.fn(), getURL: (path: string) => `chrome-extension://rampart/${path}` },
    windows: { getAll: vi.fn(async () => []), getLastFocused: vi.fn(async () => null) },
  },
}));
const { Popup } = await import('../../../popup/Popup');
const { usedShare } = await import('../../../popup/TrafficBar');

afterEach(cleanup);

const background = (status = statusIn.off()) =>
  fakeMessageClient()
    .reply('getStatus', status)
    .reply('checkConnection', status)
    .reply('getStartProblems', [])
    .reply('getProtectionStatus', protectionStatus())
    .reply('listRegions', regionList())
    .reply('getAccount', { linked: false, tier: 'free', usedTodayBytes: 150e6, dailyLimitBytes: 200e6 });

describe('the status at a glance', () => {
  it.each([
    ['off', 'VPN is off', 'Turn VPN on'],
    ['connecting', 'Connecting…', 'Turn VPN off'],
    ['on', 'VPN is on', 'Turn VPN off'],
    ['error', 'Connection problem', 'Turn VPN off'],
    ['limit', 'VPN paused: daily limit reached', null],
  ] as const)('%s: the shield, the words and the main button follow the state', async (state, words, action) => {
    renderPage(<Popup />, background(statusIn[state]()));
    const headline = await screen.findByTestId('connection-state');
    expect(headline.textContent).toBe(words);
    expect(document.querySelector('svg.shield')?.getAttribute('data-shield')).toBe(state);
    const button = screen.queryByTestId('vpn-toggle');
    expect(button?.textContent ?? null).toBe(action);
  });
});

describe('the first draw from the published status', () => {
  it('draws the published status at once, then the fresh one the background answers', async () => {
    const client = background(statusIn.off());
    renderPage(<Popup first={{ ok: true, value: statusIn.on() }} firstPublished />, client);
    // Drawn in the first render, before any reply.
    expect(screen.getByTestId('connection-state').textContent).toBe('VPN is on');
    await waitFor(() => expect(screen.getByTestId('connection-state').textContent).toBe('VPN is off'));
  });

  it('a first status the background has just answered is not read again', async () => {
    // (The VPN is off in it, so no connection check answers with another status either.)
    const client = background(statusIn.on());
    renderPage(<Popup first={{ ok: true, value: statusIn.off() }} />, client);
    await screen.findByTestId('popup-traffic');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByTestId('connection-state').textContent).toBe('VPN is off');
  });
});

describe('the location card', () => {
  it('while connected: the gateway’s city and country with its flag, the exit address and the traffic bar', async () => {
    renderPage(<Popup />, background(statusIn.on()));
    await waitFor(() => expect(screen.getByTestId('location-place').textContent).toBe('Frankfurt, Germany'));
    expect(screen.getByTestId('exit-address').textContent).toBe('Your address on the internet: 203.0.113.7');
    await waitFor(() => expect(document.querySelector('img.flag')?.getAttribute('data-flag')).toBe('de'));
    expect(screen.getByTestId('popup-traffic').textContent).toContain('VPN traffic today: 150 MB of 200 MB');
    expect(screen.getByTestId('traffic-bar').dataset.share).toBe('0.75');
  });

  it('while off: the chosen region, with a globe for "Optimal" and no exit address', async () => {
    renderPage(<Popup />, background(statusIn.off()));
    await waitFor(() => expect(screen.getByTestId('location-place').textContent).toBe('Optimal'));
    expect(screen.queryByTestId('exit-address')).toBeNull();
    expect(document.querySelector('svg.globe')).not.toBeNull();
  });

  it('still says where traffic goes out when the region list cannot be read', async () => {
    const client = background(statusIn.on()).fail('listRegions', {
      code: 'serviceUnreachable',
      messageKey: 'errorBackgroundUnavailable',
    });
    renderPage(<Popup />, client);
    await waitFor(() => expect(screen.getByTestId('location-place').textContent).toBe('Frankfurt, Germany'));
    expect(screen.getByTestId('exit-address').textContent).toBe('Your address on the internet: 203.0.113.7');
    expect(screen.queryByTestId('region-button')).toBeNull();
  });

  it('fills the bar at the limit, whatever the last count said', () => {
    const account = { linked: false, usedTodayBytes: 190e6, dailyLimitBytes: 200e6 };
    expect(usedShare(account, false)).toBe(0.95);
    expect(usedShare(account, true)).toBe(1);
    expect(usedShare({ linked: true, usedTodayBytes: 5, dailyLimitBytes: null }, false)).toBeNull();
  });
});
