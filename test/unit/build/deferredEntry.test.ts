import type { IndexHtmlTransformContext } from 'vite';
import { describe, expect, it } from 'vitest';
import { deferredEntry } from '../../../scripts/deferredEntry';

const transform = (html: string, path = '/popup/index.html') => {
  const hook = deferredEntry('popup/index.html').transformIndexHtml as {
    handler(html: string, context: IndexHtmlTransformContext): string;
  };
  return hook.handler(html, { path, filename: path, bundle: {} } as IndexHtmlTransformContext);
};

describe("the popup's deferred module entry (build)", () => {
  const built = [
    '<script src="/popup/early.js" ></script>',
    '<script type="module" crossorigin src="/assets/index.html-A1.js"></script>',
    '<link rel="modulepreload" crossorigin href="/assets/pages-B2.js">',
  ].join('\n');

  it('neither runs nor preloads the entry and its modules, the entry marked for the first script to run', () => {
    expect(transform(built)).toBe(
      [
        '<script src="/popup/early.js" ></script>',
        '<link rel="rampart-deferred-module" crossorigin href="/assets/index.html-A1.js" data-deferred-entry>',
        '<link rel="rampart-deferred-module" crossorigin href="/assets/pages-B2.js">',
      ].join('\n'),
    );
  });

  it('leaves other pages alone, and refuses a page whose entry it cannot tell', () => {
    expect(transform(built, '/options/index.html')).toBe(built);
    expect(() => transform('<body></body>')).toThrow('one module script, not 0');
  });
});
