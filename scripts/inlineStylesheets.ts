import type { Plugin } from 'vite';
import { builtPageTransform } from './builtPageTransform.ts';

/**
 * Puts the built stylesheets of the page `htmlPath` (e.g. `popup/index.html`) into its head as `<style>`
 * elements instead of `<link>`s: each linked stylesheet is one more file the browser fetches from the extension
 * before it runs the page's module scripts and paints (the popup's speed budget, issue 16). The extension
 * pages' CSP restricts scripts only, so inline styles are allowed; the files stay for the other pages.
 */
export function inlineStylesheets(htmlPath: string): Plugin {
  return builtPageTransform('rampart-inline-stylesheets', htmlPath, (html, bundle) =>
    html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g, (link, fileName: string) => {
      const asset = bundle[fileName];
      if (asset?.type !== 'asset') return link;
      const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
      if (/url\(/.test(css)) return link; // relative addresses in it would resolve against the page
      return `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`;
    }),
  );
}
