// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { runDeferredEntry } from '../../../popup/deferredEntry';

// The entry stands in for the built module: one the test's environment can load, and that says it ran.
const ENTRY = 'data:text/javascript,globalThis.entryRan=true';

const page = (links: string) => {
  document.head.innerHTML = links;
  return document;
};

describe("the popup's deferred modules", () => {
  it('preloads the modules the entry imports only when the entry is run, and runs the entry', async () => {
    const document = page(
      [
        `<link rel="rampart-deferred-module" crossorigin href="${ENTRY}" data-deferred-entry>`,
        '<link rel="rampart-deferred-module" crossorigin href="/assets/pages-B2.js">',
        '<link rel="rampart-deferred-module" crossorigin href="/assets/shared-C3.js">',
      ].join(''),
    );
    expect(document.querySelectorAll('link[rel="modulepreload"]')).toHaveLength(0);

    await runDeferredEntry(document);

    expect((globalThis as { entryRan?: boolean }).entryRan).toBe(true);
    const preloads = [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')];
    expect(preloads.map((link) => new URL(link.href).pathname)).toEqual([
      '/assets/pages-B2.js',
      '/assets/shared-C3.js',
    ]);
    expect(preloads.every((link) => link.crossOrigin === '')).toBe(true);
  });

  it('does nothing in a page without a deferred entry (the development server runs its own)', async () => {
    const document = page('<link rel="rampart-deferred-module" href="/assets/pages-B2.js">');
    await expect(runDeferredEntry(document)).resolves.toBeUndefined();
    expect(document.querySelectorAll('link[rel="modulepreload"]')).toHaveLength(0);
  });
});
