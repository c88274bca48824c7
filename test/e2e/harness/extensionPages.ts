import type { Page } from 'puppeteer-core';
import { FIRST_STATUS_MARK, type FirstStatus } from '../../../popup/marks';
import { PUBLISHED_STATUS_KEY } from '../../../src/storage/publishedStatus';
import type { ExtensionBrowser } from './browser';
import { waitFor } from './browser';

/** Sends a typed message from an extension page, as the popup and options page do. */
export async function sendFromPage<T = unknown>(page: Page, message: unknown): Promise<T> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<T>;
}

/**
 * The popup drawn by its own module, ready for input: before it, the page may show its first frame
 * (popup/publishedFrame.ts), the same header and status card but inert, which a click would not reach.
 */
export const POPUP_READY = '#root [data-testid="connection-state"]';

/**
 * Opens the popup in a window of its own, so the site tab stays the active tab of the normal window,
 * as it is when the user clicks the toolbar button.
 */
export async function openPopup(ext: ExtensionBrowser): Promise<Page> {
  const url = `chrome-extension://${ext.extensionId}/popup/index.html`;
  // A real popup closes when it loses focus: close any earlier one so the new one is the only match.
  for (const page of await ext.browser.pages()) if (page.url() === url) await page.close();
  // A window of its own keeps the site tab the active tab of its window; no extension context is needed to
  // open it, so this also works while the service worker is stopped.
  const cdp = await ext.browser.target().createCDPSession();
  await cdp.send('Target.createTarget', { url, newWindow: true });
  const target = await ext.browser.waitForTarget((t) => t.url() === url && t.type() === 'page');
  const popup = await target.page();
  if (!popup) throw new Error('The popup window has no page');
  await popup.waitForSelector(POPUP_READY);
  return popup;
}

/** What the popup first drew and whether it came from the status the background published (popup/marks.ts). */
export async function firstDrawOf(popup: Page): Promise<FirstStatus> {
  const mark = await popup.waitForFunction(
    (name) => (performance.getEntriesByName(name, 'mark')[0] as PerformanceMark | undefined)?.detail,
    {},
    FIRST_STATUS_MARK,
  );
  return (await mark.jsonValue()) as FirstStatus;
}

/** The state and the language the background last published for the popup's first draw (`storage.session`). */
export async function published(
  page: Page,
): Promise<{ state: string | undefined; language: string | undefined } | undefined> {
  return page.evaluate(async (key) => {
    const value = (await chrome.storage.session.get(key))[key] as
      { status?: { state?: string }; language?: string } | undefined;
    return value && { state: value.status?.state, language: value.language };
  }, PUBLISHED_STATUS_KEY);
}

export const textOf = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');

export async function waitForText(
  page: Page,
  selector: string,
  expected: string | RegExp,
  timeoutMs = 15_000,
) {
  await waitFor(
    async () => {
      const text = await page.$eval(selector, (el) => el.textContent ?? '').catch(() => '');
      return typeof expected === 'string' ? text === expected : expected.test(text);
    },
    `"${selector}" to read ${String(expected)}`,
    timeoutMs,
  );
}

/**
 * Opens a section of the options page through its navigation link, as a user does (the page shows one
 * section at a time; `options/index.html#<section>` opens one directly), and waits until it is shown.
 */
export async function showOptionsSection(page: Page, section: string) {
  await page.click(`.options-nav a[data-section="${section}"]`);
  await page.waitForSelector(`.options-section[data-section="${section}"]`);
}
