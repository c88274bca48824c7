import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { classicScript } from './scripts/classicScript.ts';
import { deferredEntry } from './scripts/deferredEntry.ts';
import { inlineStylesheets } from './scripts/inlineStylesheets.ts';
import { bundledThreatRules, extensionIdFromKey } from './scripts/bundledThreatRules.ts';
import { firefoxBuild } from './scripts/firefoxBuild.ts';
import { releaseBuildFromEnv } from './scripts/release/buildConfig.ts';
import { releaseManifest } from './scripts/release/manifest.ts';

// A release (`npm run package`) passes its settings in RAMPART_RELEASE_BUILD; otherwise this is the
// development build, with the development key and the loopback portal.
const release = releaseBuildFromEnv(process.env);
const built = release
  ? releaseManifest(manifest, release)
  : { manifest, rulesetExtensionId: extensionIdFromKey(manifest.key) };
const outDir = release?.outDir ?? 'dist';

// `extension/` holds static assets copied verbatim (locales, icons, bundled data snapshots).
export default defineConfig({
  publicDir: 'extension',
  plugins: [
    ...(built.rulesetExtensionId ? [bundledThreatRules(built.rulesetExtensionId)] : []),
    preact(),
    // The popup's speed budget (issue 16, docs/performance.md): a classic script draws its first frame from the
    // published status and then runs its module, and its stylesheets are in its head, not files of their own.
    classicScript('popup/early.ts', 'popup/early.js'),
    deferredEntry('popup/index.html'),
    inlineStylesheets('popup/index.html'),
    crx({ manifest: built.manifest as unknown as typeof manifest }),
    firefoxBuild({ from: outDir, to: release?.firefoxOutDir ?? 'dist-firefox' }),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome120',
    // Chrome and Firefox 115+ preload modules themselves: the polyfill was one more file for every page to load.
    modulePreload: { polyfill: false },
    rollupOptions: {
      // Rolldown's "smart" constant inlining copied tldts's 68 kB label string into two functions that read it
      // (three copies, 205 of the 306 kB chunk every service-worker start loads): constants stay where they are.
      optimization: { inlineConst: false },
      output: {
        codeSplitting: {
          groups: [
            // What the pages share with the service worker (the polyfill, results, regions, host names), and
            // what only the pages use (preact, src/ui), each in one file rather than several small ones: every
            // file is one more fetch from the extension before the popup can run (speed budget, issue 16).
            {
              name: 'shared',
              test: /node_modules\/webextension-polyfill\/|\/src\/(result|guards\/isRecord|storage\/(watchedKeys|publishedStatus)|status\/stateNames|format\/(numbers|bytes|dates)|i18n\/(languages|translate)|settings\/regions|status\/(regionName|view)|net\/ipAddress|rules\/host|messages\/client)(\/index)?\.ts$/,
            },
            { name: 'pages', test: /node_modules\/preact\/|\/src\/ui\/(.*\.tsx?|theme\.css)$/ },
          ],
        },
      },
      input: {
        warning: 'warning/index.html',
        blocked: 'blocked/index.html',
        // The popup benchmark's baseline page (`bench/popup.mjs`); never in a release.
        ...(release ? {} : { benchBlank: 'bench/blank/index.html' }),
      },
    },
  },
});
