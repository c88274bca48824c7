import type { Plugin } from 'vite';
import { DEFERRED_ENTRY_ATTRIBUTE } from '../popup/deferredEntry.ts';
import { builtPageTransform } from './builtPageTransform.ts';

/**
 * In the built page `htmlPath` (the popup), turns the module entry's `<script type="module">` into a
 * `<link rel="modulepreload">` with `DEFERRED_ENTRY_ATTRIBUTE`: the browser fetches and compiles the module
 * while the page's first (classic) script draws the first frame, and that script runs it afterwards
 * (`runDeferredEntry`). Run at once, the module's evaluation held up the first frame by 10 to 20 ms (speed
 * budget, issue 16). The development server keeps the script, and has no first script.
 */
export function deferredEntry(htmlPath: string): Plugin {
  return builtPageTransform('rampart-deferred-entry', htmlPath, (html) => {
    const scripts = html.match(/<script type="module"[^>]*src="[^"]+"[^>]*><\/script>/g) ?? [];
    if (scripts.length !== 1)
      throw new Error(`${htmlPath} must have one module script, not ${scripts.length}`);
    return html.replace(
      scripts[0]!,
      scripts[0]!
        .replace('<script type="module"', '<link rel="modulepreload"')
        .replace(/\bsrc=/, 'href=')
        .replace('></script>', ` ${DEFERRED_ENTRY_ATTRIBUTE}>`),
    );
  });
}
