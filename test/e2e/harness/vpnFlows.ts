import type { Page } from 'puppeteer-core';
import { waitFor, type ExtensionBrowser } from './browser';
import { openPopup, sendFromPage, waitForText } from './extensionPages';

/** Every name resolves to loopback in the browser too; the test proxy does the same for what it carries. */
export const LOOPBACK_RESOLVER = '--host-resolver-rules=MAP * 127.0.0.1';

/**
 * Configures a test proxy as the user's own gateway through the options page form (in Chromium or Firefox:
 * anything that opens an extension page).
 */
export async function useTestProxy(
  e: { openPage(path: string): Promise<Page> },
  port: number,
): Promise<Page> {
  const options = await e.openPage('options/index.html#own-gateway');
  await options.waitForSelector('#gw-host');
  await options.select('#gw-scheme', 'PROXY');
  await options.type('#gw-host', '127.0.0.1');
  await options.$eval('#gw-port', (input) => ((input as HTMLInputElement).value = ''));
  await options.type('#gw-port', String(port));
  await options.type('#gw-username', 'tester');
  await options.type('#gw-password', 'secret-pass');
  await options.click('#gw-save');
  await options.waitForSelector('[data-testid="gateway-saved"]');
  return options;
}

export async function turnVpnOn(e: ExtensionBrowser): Promise<Page> {
  const popup = await openPopup(e);
  await popup.click('[data-testid="vpn-toggle"]');
  await waitForText(popup, '[data-testid="connection-state"]', 'VPN is on');
  return popup;
}

/** Loads a page in a new tab (it becomes the active tab) and says whether it rendered. */
export async function visit(e: ExtensionBrowser, url: string): Promise<{ page: Page; loaded: boolean }> {
  const page = await e.browser.newPage();
  const response = await page.goto(url).catch(() => null);
  const loaded =
    response !== null &&
    (await page.$('h1')) !== null &&
    (await page.$eval('h1', (h) => h.textContent)) !== null;
  return { page, loaded: loaded && (await page.title()) !== '' };
}

/** Asks for connection checks until the gateway says the day's allowance is used up. */
export async function waitForLimit(e: ExtensionBrowser) {
  const page = await e.openPage('options/index.html');
  await waitFor(
    async () =>
      ((await sendFromPage(page, { type: 'checkConnection' })) as { value?: { state?: string } }).value
        ?.state === 'limit',
    'the limit state',
    30_000,
  );
  await page.close();
}
