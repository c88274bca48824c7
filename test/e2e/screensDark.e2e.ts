// Dark mode (the browser's prefers-color-scheme), kept as pictures like screens.e2e.ts: the popup off and on,
// the options page, the warning page and Rampart's blocked page (these at 1280 and 360 px), in English and
// Arabic, each checked by axe-core. The keyboard focus ring must keep 3:1 or better against the surface it is
// drawn on, in dark and in light.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { blockedPageUrl } from '../../background/vpn/blockedPages';
import { waitFor, type ExtensionBrowser } from './harness/browser';
import { waitForText } from './harness/extensionPages';
import { expectVisibleFocus } from './harness/focusRing';
import {
  POPUP_MASK,
  SCREEN_LANGUAGES,
  WIDTHS,
  colourScheme,
  languageName,
  pageScreens,
  popupIn,
  screen,
  screensBrowser,
  stateOf,
} from './harness/screens';
import { startTestStack, type TestStack } from './harness/stack';
import { startWebServer, type TestWebServer } from './harness/webServer';

const dark = (page: Page) => colourScheme(page, 'dark');

let web: TestWebServer;
beforeAll(async () => {
  web = await startWebServer();
});
afterAll(() => web.close());

for (const language of SCREEN_LANGUAGES) {
  describe(`dark mode in ${languageName(language)}`, () => {
    let stack: TestStack;
    let ext: ExtensionBrowser;

    beforeAll(async () => {
      stack = await startTestStack();
      ext = await screensBrowser(stack, language);
    });
    afterAll(async () => {
      await ext?.close();
      await stack?.close();
    });

    it('the popup off and on, with a visible focus ring', async () => {
      await (await ext.browser.newPage()).goto(web.url('shop.test'));
      const off = await popupIn(ext, 'off', dark);
      await screen(off, `popup-off-dark-${language}`, POPUP_MASK);
      await expectVisibleFocus(off, 8, `the dark popup (off, ${language})`);
      await off.click('[data-testid="vpn-toggle"]');
      await waitFor(async () => (await stateOf(off)) === 'on', 'the VPN to be on', 30_000);
      await waitForText(off, '[data-testid="location-place"]', /\S/);
      const on = await popupIn(ext, 'on', dark);
      await screen(on, `popup-on-dark-${language}`, POPUP_MASK);
      await expectVisibleFocus(on, 8, `the dark popup (on, ${language})`);
    });

    it('the options page at 1280 and 360 px, with a visible focus ring in dark and light', async () => {
      const options = await ext.openPage('options/index.html#general');
      await dark(options);
      await options.waitForSelector('#kill-switch');
      for (const width of WIDTHS) {
        await options.setViewport({ width, height: 800 });
        await screen(options, `options-general-dark-${language}-${width}`);
      }
      await expectVisibleFocus(options, 20, `the dark options page (${language})`);
      await colourScheme(options, 'light');
      await expectVisibleFocus(options, 20, `the light options page (${language})`);
    });

    it("the warning page and Rampart's blocked page, opened as the background opens them", async () => {
      const page = await ext.browser.newPage();
      await dark(page);
      const base = `chrome-extension://${ext.extensionId}`;
      // An entry of the bundled sample list, after `?url=` as the redirect rule puts it; the page is opened
      // directly, so nothing is fetched.
      const listed = 'http://0-day.us/';
      await pageScreens(
        page,
        `${base}/warning/index.html?url=${listed}`,
        '[data-testid="threat-type"]',
        `warning-dark-${language}`,
      );
      await expectVisibleFocus(page, 6, `the dark warning page (${language})`);
      await pageScreens(
        page,
        blockedPageUrl(`${base}/`, web.url('shop.test', '/cart')),
        '[data-testid="blocked-reason"]',
        `blocked-dark-${language}`,
        // The loopback web server's port is in the address.
        ['[data-testid="blocked-url"]'],
      );
    });
  });
}
