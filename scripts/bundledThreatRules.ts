import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';

type Threats = typeof import('../src/threats/index.ts');

/**
 * `src/threats` is loaded through tsx when the build runs, not imported by this file: Vite bundles its config
 * with every file it imports and lists each extensionless import of `src/` as a warning, 52 lines at every
 * `npm start` (`src/` imports without extensions, as the rest of the code base does).
 */
const loadThreats = async (): Promise<Threats> =>
  (await tsImport('../src/threats/index.ts', import.meta.url)) as Threats;

/** The static ruleset inside a build, as manifest.json declares it. */
export const BUNDLED_RULES_FILE = 'data/threats/rules.json';
const STALE_RULES_PATH = `extension/${BUNDLED_RULES_FILE}`;

/** Chrome's extension id for a manifest `key`: the first 128 bits of the key's SHA-256, written with a–p. */
export function extensionIdFromKey(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * Compiles the bundled threat snapshot into the static ruleset the manifest declares, so protection is in
 * force from the moment the extension is installed (installing 19k dynamic rules at first start takes
 * seconds). The redirect needs the warning page's full address, hence the extension id (from the manifest
 * `key`, or the id the store gave a release). The rules are emitted into the build, never written among the
 * sources, so that builds for different ids cannot leave each other's rules behind.
 */
export function bundledThreatRules(extensionId: string): Plugin {
  return {
    name: 'rampart-bundled-threat-rules',
    async buildStart() {
      const { compileDnrRules, verifySnapshot } = await loadThreats();
      // Earlier builds wrote the rules among the static assets; one left there would be copied over these.
      await rm(resolve(STALE_RULES_PATH), { force: true });
      const snapshotText = await readFile(resolve('extension/data/threats/snapshot.json'), 'utf8');
      const sha256 = (await readFile(resolve('extension/data/threats/snapshot.sha256'), 'utf8')).trim();
      const verified = await verifySnapshot(JSON.parse(snapshotText), sha256);
      if (!verified.ok)
        throw new Error(`The bundled threat snapshot does not verify: ${verified.error.code}`);
      const warningPageUrl = `chrome-extension://${extensionId}/warning/index.html`;
      const { rules, overflow } = compileDnrRules(verified.value, { warningPageUrl });
      if (overflow.length) this.warn(`${overflow.length} URL entries do not fit the static ruleset`);
      this.emitFile({ type: 'asset', fileName: BUNDLED_RULES_FILE, source: JSON.stringify(rules) });
    },
  };
}
