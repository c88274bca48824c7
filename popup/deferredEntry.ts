// Shared by the build (scripts/deferredEntry.ts) and the popup's first script (./early.ts); imports nothing, so
// that the build's configuration can load it.

/**
 * The `rel` the build gives the popup's module and the modules it imports (scripts/deferredEntry.ts) in place
 * of running and preloading them: no browser knows it, so none of them is fetched while the first frame is
 * drawn. Preloaded with the page, they held up the first frame by 10 to 15 ms (speed budget, issue 16).
 */
export const DEFERRED_MODULE_REL = 'rampart-deferred-module';

/** Marks, among the deferred modules, the popup's module (the page's entry), which imports the others. */
export const DEFERRED_ENTRY_ATTRIBUTE = 'data-deferred-entry';

/**
 * Runs the page's deferred module, once the first frame is drawn: the modules it imports are preloaded at the
 * same time, so that they are fetched side by side rather than one after another. A built page has one; a
 * development server's page runs its own.
 */
export function runDeferredEntry(document: Document): Promise<unknown> {
  const deferred = [...document.querySelectorAll<HTMLLinkElement>(`link[rel="${DEFERRED_MODULE_REL}"]`)];
  const entry = deferred.find((link) => link.hasAttribute(DEFERRED_ENTRY_ATTRIBUTE));
  if (entry === undefined) return Promise.resolve();
  for (const module of deferred) {
    if (module === entry) continue;
    const preload = document.createElement('link');
    preload.rel = 'modulepreload';
    preload.href = module.href;
    preload.crossOrigin = module.crossOrigin;
    document.head.append(preload);
  }
  return import(/* @vite-ignore */ entry.href);
}

/** Resolves once the parser has read the whole page (at once when it already has). */
export function whenParsed(document: Document): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) =>
    document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
  );
}
