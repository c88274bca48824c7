import { describe, expect, it } from 'vitest';
import { extensionIdFromKey } from '../../../scripts/bundledThreatRules';
import { portalMatchPattern, releaseManifest } from '../../../scripts/release/manifest';
import manifest from '../../../manifest.json';

const base = {
  version: '1.2.3',
  portalOrigin: 'https://vpn.example.com:8443',
  keepDevKey: false,
  firefoxId: null,
};

describe('the release manifest', () => {
  it('matches the portal host on any port (Firefox patterns take no port)', () => {
    expect(portalMatchPattern('https://vpn.example.com:8443')).toBe('https://vpn.example.com/*');
  });

  it('drops the key and the static ruleset, lists only the portal, and takes the given version', () => {
    const { manifest: release, rulesetExtensionId } = releaseManifest(manifest, {
      ...base,
      extensionId: null,
    });
    expect(release.key).toBeUndefined();
    expect(release.declarative_net_request).toBeUndefined();
    expect(release.externally_connectable).toEqual({ matches: ['https://vpn.example.com/*'] });
    expect(release.version).toBe('1.2.3');
    expect(rulesetExtensionId).toBeNull();
    expect(release.permissions).toEqual(manifest.permissions);
    // Without an id of the operator's own, the placeholder stays (npm run package says so).
    expect(release.browser_specific_settings).toEqual(manifest.browser_specific_settings);
  });

  it("puts the operator's Firefox add-on id in place of the placeholder, keeping the minimum version", () => {
    const { manifest: release } = releaseManifest(manifest, {
      ...base,
      extensionId: null,
      firefoxId: 'vpn@operator.example',
    });
    expect(release.browser_specific_settings).toEqual({
      gecko: { ...manifest.browser_specific_settings.gecko, id: 'vpn@operator.example' },
    });
  });

  it('keeps the static ruleset for a store id, and the key with its own id on request', () => {
    const storeId = 'abcdefghijklmnopabcdefghijklmnop';
    const store = releaseManifest(manifest, { ...base, extensionId: storeId });
    expect(store.rulesetExtensionId).toBe(storeId);
    expect(store.manifest.declarative_net_request).toEqual(manifest.declarative_net_request);
    expect(store.manifest.key).toBeUndefined();

    const kept = releaseManifest(manifest, { ...base, keepDevKey: true, extensionId: null });
    expect(kept.manifest.key).toBe(manifest.key);
    expect(kept.rulesetExtensionId).toBe(extensionIdFromKey(manifest.key));
  });
});
