export interface TabWindow {
  id?: number;
  focused: boolean;
  tabs?: { active: boolean; url?: string; lastAccessed?: number }[];
}

/**
 * Which tab "this site" means: the active tab of the last focused normal window. When that tab is one of the
 * extension's own pages (the popup opened in a window of its own), the active tab the user used last among
 * the other normal windows, so a background window's idle tab (about:blank) is never taken for it.
 */
export function pickCurrentTab(windows: TabWindow[], lastFocusedId: number | undefined, ownPrefix: string) {
  const activeOf = (w: TabWindow) => w.tabs?.find((tab) => tab.active);
  const usable = (url: string | undefined): url is string => url !== undefined && !url.startsWith(ownPrefix);

  const last = windows.find((w) => w.id === lastFocusedId) ?? windows.find((w) => w.focused);
  const lastUrl = last ? activeOf(last)?.url : undefined;
  if (usable(lastUrl)) return lastUrl;

  const candidates = windows
    .filter((w) => w !== last)
    .map((w) => activeOf(w))
    .filter((tab) => tab !== undefined && usable(tab.url))
    .sort((a, b) => (b!.lastAccessed ?? 0) - (a!.lastAccessed ?? 0));
  return candidates[0]?.url ?? null;
}
