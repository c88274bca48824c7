// What the screen tests (test/e2e/screens*.e2e.ts) share: a screen compared with its picture and checked by
// axe-core, the popup opened in a given state, and a browser set up for one language against a test stack.
import type { Page } from 'puppeteer-core';
import { expectNoSeriousAxeViolations } from './accessibility';
import { launchWithExtension, waitFor, type ExtensionBrowser } from './browser';
import { openPopup, sendFromPage } from './extensionPages';
import { expectScreenshot } from './screenshots';
import type { TestStack } from './stack';

export type ScreenLanguage = 'en' | 'ar';
export const SCREEN_LANGUAGES: readonly ScreenLanguage[] = ['en', 'ar'];
export const languageName = (language: ScreenLanguage) => (language === 'en' ? 'English' : 'Arabic');

/** Page widths of the options page and the portal: a desktop window and a phone. */
export const WIDTHS = [1280, 360] as const;

/** `.test` names reach the loopback web server. */
export const TEST_SITES_RESOLVER = '--host-resolver-rules=MAP *.test 127.0.0.1';

/** Parts of the popup whose words depend on the moment or on bytes counted so far. */
export const POPUP_MASK = [
  '[data-testid="threat-db"]',
  '[data-testid="popup-traffic"]',
  '[data-testid="traffic-bar"]',
  '[data-testid="limit-explain"]',
  '[data-testid="limit-wait"]',
  '[data-testid="version"]',
] as const;

/** The browser's colour preference (`prefers-color-scheme`) as `page` sees it. */
export const colourScheme = (page: Page, scheme: 'light' | 'dark') =>
  page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);

/** The picture `name` and axe-core over the same page. */
export async function screen(page: Page, name: string, mask: readonly string[] = []) {
  await expectScreenshot(page, name, { mask });
  await expectNoSeriousAxeViolations(page, name);
}

export async function stateOf(popup: Page) {
  return popup.$eval('[data-testid="connection-state"]', (el) => el.getAttribute('data-state'));
}

/** A fresh popup, at the toolbar popup's own width (the picture grows to its content), once in `state`. */
export async function popupIn(e: ExtensionBrowser, state: string, before?: (popup: Page) => Promise<void>) {
  const popup = await openPopup(e);
  await before?.(popup);
  await popup.setViewport({ width: 360, height: 600 });
  await waitFor(async () => (await stateOf(popup)) === state, `the popup in state ${state}`, 30_000);
  return popup;
}

/** Chromium with the extension pointed at the test stack, the kill switch off and the language chosen. */
export async function screensBrowser(stack: TestStack, language: ScreenLanguage): Promise<ExtensionBrowser> {
  const e = await launchWithExtension({ args: [...stack.chromeFlags, TEST_SITES_RESOLVER] });
  const page = await e.openPage('options/index.html');
  await page.waitForSelector('#kill-switch');
  await sendFromPage(page, { type: 'useTestService', url: stack.serviceUrl });
  await sendFromPage(page, { type: 'updateSettings', patch: { killSwitch: false, language } });
  await page.close();
  return e;
}

/** Makes every later page load of the portal in `page` speak `language` (the portal's own choice). */
export async function portalLanguage(page: Page, language: ScreenLanguage) {
  await page.evaluateOnNewDocument((choice) => {
    localStorage.setItem('rampart.portal.language', choice);
  }, language);
}

/** The page at `url`, once `ready` is drawn, compared at each width as `<name>-<width>`. */
export async function pageScreens(
  page: Page,
  url: string,
  ready: string,
  name: string,
  mask: readonly string[] = [],
) {
  await page.goto(url);
  await page.waitForSelector(ready);
  for (const width of WIDTHS) {
    await page.setViewport({ width, height: 800 });
    await screen(page, `${name}-${width}`, mask);
  }
}
