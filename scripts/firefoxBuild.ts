import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { BUNDLED_RULES_FILE } from './bundledThreatRules.ts';

/**
 * The extension pages' CSP in Firefox. Firefox's default MV3 policy adds `upgrade-insecure-requests`, which
 * turns the background's `http://check.rampart.internal/` (answered by the gateway itself, through the proxy)
 * into a CONNECT to port 443; declaring the policy without it keeps the check on plain HTTP as in Chrome.
 */
export const FIREFOX_EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'self'";

interface BuiltManifest {
  background: { service_worker: string; type?: string };
  permissions: string[];
  externally_connectable?: { matches: string[] };
  [key: string]: unknown;
}

/**
 * The Firefox manifest from the Chrome one:
 * - the background runs as an event page (Firefox runs no MV3 service worker);
 * - `webRequestBlocking` in place of Chrome's `webRequestAuthProvider`: it allows blocking `onAuthRequired`
 *   (proxy credentials) and blocking `onBeforeRequest` (threat URLs beyond the rule budget) in Firefox 115+;
 * - no `key` and no static ruleset (its redirect names the Chrome id; the list goes in dynamic rules);
 * - no `externally_connectable` (Firefox does not deliver messages from web pages): a content script on the
 *   same origins relays the portal's messages instead.
 */
export function firefoxManifest(chrome: BuiltManifest, relayScript: string): Record<string, unknown> {
  const {
    key: _key,
    declarative_net_request: _static,
    externally_connectable: connectable,
    ...portable
  } = chrome;
  return {
    ...portable,
    background: { scripts: [chrome.background.service_worker], type: 'module' },
    permissions: [
      ...chrome.permissions.filter((permission) => permission !== 'webRequestAuthProvider'),
      'webRequestBlocking',
    ],
    content_security_policy: { extension_pages: FIREFOX_EXTENSION_PAGES_CSP },
    content_scripts: [{ matches: connectable?.matches ?? [], js: [relayScript], run_at: 'document_start' }],
  };
}

const RELAY_SOURCE = 'content/portalRelay.ts';
const RELAY_OUTPUT = 'content/portalRelay.js';

/**
 * Firefox has no MV3 service worker: it runs the same module as a background event page. After the
 * Chrome build is written, this copies `dist/` to `dist-firefox/` with the manifest rewritten for Firefox
 * (see firefoxManifest) and the portal relay bundled as one classic script (content scripts are no modules).
 */
export function firefoxBuild(
  dirs: { from: string; to: string } = { from: 'dist', to: 'dist-firefox' },
): Plugin {
  return {
    name: 'rampart-firefox-build',
    apply: 'build',
    async closeBundle() {
      const from = resolve(dirs.from);
      const to = resolve(dirs.to);
      await rm(to, { recursive: true, force: true });
      await cp(from, to, { recursive: true });
      // Firefox gets no static ruleset (see firefoxManifest), so its compiled rules would be dead weight.
      await rm(resolve(to, BUNDLED_RULES_FILE), { force: true });
      const manifest = JSON.parse(await readFile(resolve(to, 'manifest.json'), 'utf8')) as BuiltManifest;
      const chrome = { ...manifest };
      delete chrome.browser_specific_settings;
      await writeFile(resolve(from, 'manifest.json'), JSON.stringify(chrome, null, 2));
      const { build } = await import('esbuild');
      await build({
        entryPoints: [resolve(RELAY_SOURCE)],
        outfile: resolve(to, RELAY_OUTPUT),
        bundle: true,
        format: 'iife',
        target: 'firefox115',
        minify: true,
        logLevel: 'warning',
      });
      await writeFile(
        resolve(to, 'manifest.json'),
        JSON.stringify(firefoxManifest(manifest, RELAY_OUTPUT), null, 2),
      );
    },
  };
}
