import type { ThreatSnapshot } from './snapshot';

// The hash is over a canonical serialisation, not the bytes on the wire, so a snapshot that was parsed,
// stored in IndexedDB and read back still verifies. Arrays fix the order of every field.

export function canonicalSerialisation(snapshot: ThreatSnapshot): string {
  const overrides = Object.keys(snapshot.tags.overrides)
    .sort()
    .map((key) => {
      const tag = snapshot.tags.overrides[key];
      return [key, tag?.threat, tag?.list];
    });
  return JSON.stringify([
    snapshot.format,
    snapshot.version,
    snapshot.createdAt,
    snapshot.domains,
    snapshot.urls,
    [snapshot.tags.default.threat, snapshot.tags.default.list],
    overrides,
  ]);
}

/** Lowercase hex SHA-256 via WebCrypto, a global in browsers, service workers and Node 20. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export const snapshotSha256 = (snapshot: ThreatSnapshot): Promise<string> =>
  sha256Hex(canonicalSerialisation(snapshot));
