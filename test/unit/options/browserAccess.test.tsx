// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Options } from '../../../options/Options';
import { optionsBackground } from '../../fakes/optionsBackground';
import { renderPage } from '../../fakes/renderPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('what the browser withholds, said above every section', () => {
  it('without access to sites: says so, asks the browser on a click, and reads the answer again', async () => {
    const request = vi.fn(async () => true);
    vi.stubGlobal('chrome', { permissions: { request } });
    let allSites = false;
    const client = optionsBackground().handle('getBrowserAccess', () => ({
      ok: true,
      value: { browser: 'firefox', allSites, privateWindows: true },
    }));
    location.hash = '#categories';
    renderPage(<Options />, client);
    const notice = await screen.findByTestId('no-site-access');
    expect(notice.getAttribute('role')).toBe('alert');
    expect(screen.queryByTestId('no-private-windows')).toBeNull();

    allSites = true;
    await act(
      () => void fireEvent.click(screen.getByRole('button', { name: 'Allow access to all websites' })),
    );
    expect(request).toHaveBeenCalledWith({ origins: ['<all_urls>'] });
    await waitFor(() => expect(screen.queryByTestId('no-site-access')).toBeNull());
    expect(client.sentOf('getBrowserAccess')).toHaveLength(2);
  });

  it("Firefox's private windows without Rampart: an information line", async () => {
    const client = optionsBackground().reply('getBrowserAccess', {
      browser: 'firefox',
      allSites: true,
      privateWindows: false,
    });
    location.hash = '#about';
    renderPage(<Options />, client);
    const notice = await screen.findByTestId('no-private-windows');
    expect(notice.getAttribute('role')).toBe('status');
    expect(screen.queryByTestId('no-site-access')).toBeNull();
  });
});
