import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Firefox has no MV3 service worker: it runs the same module as a background event page. After the
 * Chrome build is written, this copies `dist/` to `dist-firefox/` with the `background` key rewritten
 * and the Chrome-only permission dropped, so each browser loads a manifest without warnings.
 */
export function firefoxBuild(): Plugin {
  return {
    name: 'rampart-firefox-build',
    apply: 'build',
    async closeBundle() {
      const from = resolve('dist');
      const to = resolve('dist-firefox');
      await rm(to, { recursive: true, force: true });
      await cp(from, to, { recursive: true });
      const manifest = JSON.parse(await readFile(resolve(to, 'manifest.json'), 'utf8')) as {
        background: { service_worker: string; type?: string };
        permissions: string[];
      };
      const chrome = JSON.parse(await readFile(resolve(from, 'manifest.json'), 'utf8')) as typeof manifest;
      delete (chrome as { browser_specific_settings?: unknown }).browser_specific_settings;
      await writeFile(resolve(from, 'manifest.json'), JSON.stringify(chrome, null, 2));
      // Firefox gives each install its own moz-extension:// id: neither the key nor the static ruleset (whose
      // redirect names the Chrome id) applies there; the background installs the list as dynamic rules.
      const {
        key: _key,
        declarative_net_request: _static,
        ...portable
      } = manifest as typeof manifest & {
        key?: string;
        declarative_net_request?: unknown;
      };
      const firefox = {
        ...portable,
        background: { scripts: [manifest.background.service_worker], type: 'module' },
        permissions: manifest.permissions.filter((permission) => permission !== 'webRequestAuthProvider'),
      };
      await writeFile(resolve(to, 'manifest.json'), JSON.stringify(firefox, null, 2));
    },
  };
}
