// Shared by the build (scripts/deferredEntry.ts) and the popup's first script (./early.ts); imports nothing, so
// that the build's configuration can load it.

/**
 * Marks the popup's module in its built page (scripts/deferredEntry.ts): preloaded there, not run, so that it
 * does not hold up the first frame; `early.ts` runs it once the first frame is drawn.
 */
export const DEFERRED_ENTRY_ATTRIBUTE = 'data-deferred-entry';

/** Runs the page's deferred module (a built page has one; a development server's page runs its own). */
export function runDeferredEntry(document: Document): Promise<unknown> {
  const entry = document.querySelector<HTMLLinkElement>(`link[${DEFERRED_ENTRY_ATTRIBUTE}]`);
  return entry === null ? Promise.resolve() : import(/* @vite-ignore */ entry.href);
}

/** Resolves once the parser has read the whole page (at once when it already has). */
export function whenParsed(document: Document): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) =>
    document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
  );
}
