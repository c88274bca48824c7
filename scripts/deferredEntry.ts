import type { Plugin } from 'vite';
import { DEFERRED_ENTRY_ATTRIBUTE, DEFERRED_MODULE_REL } from '../popup/deferredEntry.ts';
import { builtPageTransform } from './builtPageTransform.ts';

/**
 * In the built page `htmlPath` (the popup), defers the module entry and the modules Vite preloads for it: each
 * becomes a `<link rel="DEFERRED_MODULE_REL">`, which the browser does not fetch, the entry's marked with
 * `DEFERRED_ENTRY_ATTRIBUTE`. The page's first (classic) script draws the first frame, then preloads them and
 * runs the entry (`runDeferredEntry`). Run at once, the module's evaluation held up the first frame by 10 to
 * 20 ms; preloaded at once, its modules' fetching by 10 to 15 ms more (speed budget, issue 16). The
 * development server keeps the script, and has no first script.
 */
export function deferredEntry(htmlPath: string): Plugin {
  return builtPageTransform('rampart-deferred-entry', htmlPath, (html) => {
    const scripts = html.match(/<script type="module"[^>]*src="[^"]+"[^>]*><\/script>/g) ?? [];
    if (scripts.length !== 1)
      throw new Error(`${htmlPath} must have one module script, not ${scripts.length}`);
    const entry = scripts[0]!
      .replace('<script type="module"', `<link rel="${DEFERRED_MODULE_REL}"`)
      .replace(/\bsrc=/, 'href=')
      .replace('></script>', ` ${DEFERRED_ENTRY_ATTRIBUTE}>`);
    return html
      .replace(scripts[0]!, entry)
      .replaceAll('<link rel="modulepreload"', `<link rel="${DEFERRED_MODULE_REL}"`);
  });
}
