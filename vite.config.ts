import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { bundledThreatRules } from './scripts/bundledThreatRules.ts';
import { firefoxBuild } from './scripts/firefoxBuild.ts';

// `extension/` holds static assets copied verbatim (locales, icons, bundled data snapshots).
export default defineConfig({
  publicDir: 'extension',
  plugins: [bundledThreatRules(manifest.key), preact(), crx({ manifest }), firefoxBuild()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome120',
    rollupOptions: { input: { warning: 'warning/index.html', blocked: 'blocked/index.html' } },
  },
});
