import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
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

export const BUNDLED_RULES_PATH = 'extension/data/threats/rules.json';

/** Chrome's extension id for a manifest `key`: the first 128 bits of the key's SHA-256, written with a–p. */
export function extensionIdFromKey(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * Compiles the bundled threat snapshot into the static ruleset the manifest declares, so protection is in
 * force from the moment the extension is installed (installing 19k dynamic rules at first start takes
 * seconds). The redirect needs the warning page's full address, which the manifest `key` fixes.
 */
export function bundledThreatRules(manifestKey: string): Plugin {
  return {
    name: 'rampart-bundled-threat-rules',
    async config() {
      const { compileDnrRules, verifySnapshot } = await loadThreats();
      const snapshotText = await readFile(resolve('extension/data/threats/snapshot.json'), 'utf8');
      const sha256 = (await readFile(resolve('extension/data/threats/snapshot.sha256'), 'utf8')).trim();
      const verified = await verifySnapshot(JSON.parse(snapshotText), sha256);
      if (!verified.ok)
        throw new Error(`The bundled threat snapshot does not verify: ${verified.error.code}`);
      const warningPageUrl = `chrome-extension://${extensionIdFromKey(manifestKey)}/warning/index.html`;
      const { rules, overflow } = compileDnrRules(verified.value, { warningPageUrl });
      if (overflow.length) this.warn?.(`${overflow.length} URL entries do not fit the static ruleset`);
      await writeFile(resolve(BUNDLED_RULES_PATH), JSON.stringify(rules));
    },
  };
}
