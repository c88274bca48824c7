import browser from 'webextension-polyfill';
import { pickCurrentTab, type TabWindow } from './pickCurrentTab';

/**
 * The page the user is looking at: the active tab of the last focused normal window, skipping the
 * extension's own pages (the popup may be shown in a window of its own, e.g. from the keyboard or in tests).
 */
export async function currentTabUrl(): Promise<string | null> {
  try {
    const own = browser.runtime.getURL('');
    const [windows, lastFocused] = await Promise.all([
      browser.windows.getAll({ windowTypes: ['normal'], populate: true }),
      browser.windows.getLastFocused().catch(() => null),
    ]);
    return pickCurrentTab(windows as TabWindow[], lastFocused?.id, own);
  } catch {
    return null;
  }
}
