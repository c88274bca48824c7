import type { Plugin, Rollup } from 'vite';

/**
 * A build-only plugin that rewrites the built HTML of the one page `htmlPath` (e.g. `popup/index.html`), after
 * Vite's own changes to it (its scripts and links then name the built files in `bundle`).
 */
export function builtPageTransform(
  name: string,
  htmlPath: string,
  transform: (html: string, bundle: Rollup.OutputBundle) => string,
): Plugin {
  return {
    name,
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (context.path !== `/${htmlPath}` || !context.bundle) return html;
        return transform(html, context.bundle);
      },
    },
  };
}
