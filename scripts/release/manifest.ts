import { extensionIdFromKey } from '../bundledThreatRules.ts';

export interface SourceManifest {
  version: string;
  key?: string;
  externally_connectable?: { matches: string[] };
  declarative_net_request?: unknown;
  [field: string]: unknown;
}

export interface ReleaseManifestOptions {
  version: string;
  portalOrigin: string;
  keepDevKey: boolean;
  /** The id the store gave the extension; it fixes the bundled rules' warning page like the key does. */
  extensionId: string | null;
  /** The operator's Firefox add-on id, in place of the source manifest's placeholder. */
  firefoxId: string | null;
}

export interface ReleaseManifest {
  manifest: SourceManifest;
  /** The id the bundled threat rules redirect to, or null when the release carries no static ruleset. */
  rulesetExtensionId: string | null;
}

/**
 * A match pattern for the portal's origin. Without the port: Firefox's patterns take none, and both
 * browsers then match every port; the background still compares the sender's exact origin.
 */
export function portalMatchPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

const withGeckoId = (source: Record<string, unknown>, id: string) => {
  const settings = (source['browser_specific_settings'] ?? {}) as { gecko?: Record<string, unknown> };
  return { ...settings, gecko: { ...settings.gecko, id } };
};

/**
 * The manifest of a release: the package's version, the portal's origin as the only one that may talk to
 * the extension, and the development key only on request. The bundled ruleset redirects to the warning page
 * by its full address, which needs the extension id; without a key or a known store id, the release ships
 * no static ruleset and the background installs the list as dynamic rules at first start (as in Firefox).
 */
export function releaseManifest(source: SourceManifest, options: ReleaseManifestOptions): ReleaseManifest {
  const { key, declarative_net_request: ruleset, ...rest } = source;
  const keptKey = options.keepDevKey && key ? key : null;
  const rulesetExtensionId = options.extensionId ?? (keptKey ? extensionIdFromKey(keptKey) : null);
  const manifest: SourceManifest = {
    ...rest,
    version: options.version,
    externally_connectable: { matches: [portalMatchPattern(options.portalOrigin)] },
    ...(keptKey ? { key: keptKey } : {}),
    ...(options.firefoxId === null
      ? {}
      : { browser_specific_settings: withGeckoId(rest, options.firefoxId) }),
    ...(ruleset !== undefined && rulesetExtensionId ? { declarative_net_request: ruleset } : {}),
  };
  return { manifest, rulesetExtensionId };
}
