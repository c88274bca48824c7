import browser from 'webextension-polyfill';

/**
 * The page the user is looking at: the active tab of the last focused normal window, skipping the
 * extension's own pages (the popup may be shown in a window of its own, e.g. from the keyboard or in tests).
 */
export async function currentTabUrl(): Promise<string | null> {
  try {
    const own = browser.runtime.getURL('');
    const windows = await browser.windows.getAll({ windowTypes: ['normal'], populate: true });
    windows.sort((a, b) => Number(b.focused) - Number(a.focused));
    const urls = windows.map((w) => w.tabs?.find((tab) => tab.active)?.url);
    return urls.find((url) => url !== undefined && !url.startsWith(own)) ?? null;
  } catch {
    return null;
  }
}
