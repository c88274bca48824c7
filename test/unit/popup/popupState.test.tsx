// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMessageClient } from '../../fakes/messageClient';
import { protectionStatus, regionList, statusIn } from '../../fakes/popupStates';
import { renderPage } from '../../fakes/renderPage';

// The popup's own calls into the browser (open the options page, find the current tab) are not under test.
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { openOptionsPage: vi.fn(), getURL: (path: string) => `chrome-extension://rampart/${path}` },
    windows: { getAll: vi.fn(async () => []) },
  },
}));
const { Popup } = await import('../../../popup/Popup');
const { StartProblems } = await import('../../../popup/StartProblems');
const { ProtectionPanel } = await import('../../../popup/ProtectionPanel');

afterEach(cleanup);

/** A background with everything the popup asks at start answered. */
function background() {
  return fakeMessageClient()
    .reply('getStatus', statusIn.off())
    .reply('getStartProblems', [])
    .reply('getProtectionStatus', protectionStatus())
    .reply('listRegions', regionList())
    .reply('getAccount', { linked: false, tier: 'anonymous' });
}

describe('the popup on a fake background', () => {
  it('shows the state it is told, and redraws when the background pushes a new one', async () => {
    const client = background();
    renderPage(<Popup />, client);
    const state = await screen.findByTestId('connection-state');
    expect(state.dataset.state).toBe('off');
    expect(state.textContent).toBe('VPN is off');

    await act(() => client.pushStatus(statusIn.on()));
    await waitFor(() => expect(screen.getByTestId('connection-state').dataset.state).toBe('on'));
    expect(screen.getByTestId('connection-state').textContent).toBe('VPN is on');
    expect(client.unscripted).toEqual([]);
  });

  it('draws the status it was opened with at once, without asking again, and re-reads on a push', async () => {
    const client = background();
    renderPage(<Popup first={{ ok: true, value: statusIn.on() }} />, client);
    expect(screen.getByTestId('connection-state').dataset.state).toBe('on');
    expect(screen.queryByText('Loading…')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(client.sentOf('getStatus')).toHaveLength(0);

    await act(() => client.pushStatus(statusIn.off()));
    await waitFor(() => expect(screen.getByTestId('connection-state').dataset.state).toBe('off'));
  });

  it('does not ask again for a storage write that changed nothing (Firefox reports those too)', async () => {
    const client = background();
    renderPage(<Popup />, client);
    await screen.findByTestId('connection-state');
    await waitFor(() => expect(client.sentOf('getStatus')).toHaveLength(1));
    const same = { state: 'off', since: 1 };
    await act(() => client.pushStorage({ connection: { oldValue: same, newValue: { ...same } } }, 'session'));
    await act(() => client.pushStorage({ threatsLastCheck: { oldValue: 1, newValue: 2 } }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(client.sentOf('getStatus')).toHaveLength(1);
  });

  it('asks the gateway once when opened with the VPN wanted, and shows its answer', async () => {
    const client = background()
      .reply('getStatus', statusIn.connecting())
      .reply('checkConnection', statusIn.error());
    renderPage(<Popup />, client);
    await waitFor(() => expect(screen.getByTestId('connection-state').dataset.state).toBe('error'));
    expect(client.sentOf('checkConnection')).toHaveLength(1);
  });

  it('turns the VPN on with the main button, disabled until the background answers', async () => {
    const client = background().reply('setVpnEnabled', statusIn.connecting());
    const held = client.hold('setVpnEnabled');
    renderPage(<Popup />, client);
    const button = await screen.findByTestId('vpn-toggle');
    fireEvent.click(button);
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByTestId('vpn-toggle')).toHaveProperty('disabled', true));
    await act(async () => held.release());
    await waitFor(() => expect(screen.getByTestId('connection-state').dataset.state).toBe('connecting'));
    expect(client.sentOf('setVpnEnabled')).toEqual([{ type: 'setVpnEnabled', enabled: true }]);
  });

  it('says why the background could not be reached instead of loading for ever', async () => {
    const client = background().fail('getStatus', {
      code: 'backgroundUnavailable',
      messageKey: 'errorBackgroundUnavailable',
    });
    renderPage(<Popup />, client);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).not.toBe('');
    expect(alert.textContent).not.toBe('errorBackgroundUnavailable');
  });
});

describe('start problems', () => {
  it('names the part that did not start and clears it after a successful Try again', async () => {
    const client = fakeMessageClient()
      .reply('getStartProblems', [{ part: 'routing', message: 'proxy refused', at: 1 }])
      .reply('retryStart', []);
    renderPage(<StartProblems />, client);
    const problems = await screen.findByTestId('start-problems');
    expect(problems.textContent).toContain('The secure connection could not start');
    expect(problems.textContent).toContain('proxy refused');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByTestId('start-problems')).toBeNull());
    expect(client.sentOf('retryStart')).toHaveLength(1);
  });
});

describe('web protection switch', () => {
  it('keeps the switch as it was and says why when the background refuses', async () => {
    const client = fakeMessageClient()
      .reply('getProtectionStatus', protectionStatus())
      .fail('setProtectionEnabled', { code: 'storageFailed', messageKey: 'errorBackgroundUnavailable' });
    renderPage(<ProtectionPanel killSwitch={false} onChanged={() => undefined} />, client);
    const toggle = await screen.findByRole('switch', { name: /^Web protection/ });
    expect(toggle).toHaveProperty('checked', true);
    fireEvent.click(toggle);
    await screen.findByRole('alert');
    expect(screen.getByRole('switch', { name: /^Web protection/ })).toHaveProperty('checked', true);
    expect(client.sentOf('setProtectionEnabled')).toEqual([{ type: 'setProtectionEnabled', enabled: false }]);
  });
});
