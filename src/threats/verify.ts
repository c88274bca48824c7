import { appError, err, ok, type Result } from '../result';
import { applyDelta } from './delta';
import type { ThreatSnapshot } from './snapshot';
import { snapshotSha256 } from './snapshotHash';
import { deltaSchema, snapshotSchema } from './snapshotSchema';

// The gate every list passes before the extension enforces it: shape first, then the hash. Whatever
// fails, the caller keeps the list it already has.

const invalid = (code: string, detail: string) => err(appError(code, 'errorThreatListUpdate', [detail]));

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Overrides must name listed entries; a stray key would be a tag for nothing. */
function overridesListed(snapshot: ThreatSnapshot): boolean {
  const domains = new Set(snapshot.domains);
  const urls = new Set(snapshot.urls);
  return Object.keys(snapshot.tags.overrides).every((key) => (key.includes('/') ? urls : domains).has(key));
}

/** Accepts a downloaded (or bundled) snapshot only if it is well formed and hashes to `expectedSha256`. */
export async function verifySnapshot(data: unknown, expectedSha256: string): Promise<Result<ThreatSnapshot>> {
  const parsed = snapshotSchema.safeParse(data);
  if (!parsed.success) return invalid('threatSnapshotInvalid', describeIssues(parsed.error.issues));
  const snapshot: ThreatSnapshot = parsed.data;
  if (!overridesListed(snapshot))
    return invalid('threatSnapshotInvalid', 'tags name entries that are not listed');
  const actual = await snapshotSha256(snapshot);
  if (actual !== expectedSha256.toLowerCase()) return invalid('threatSnapshotHashMismatch', actual);
  return ok(snapshot);
}

/** Validates a downloaded delta, applies it to `current` and accepts the result only if its hash matches. */
export async function verifyDelta(current: ThreatSnapshot, data: unknown): Promise<Result<ThreatSnapshot>> {
  const parsed = deltaSchema.safeParse(data);
  if (!parsed.success) return invalid('threatDeltaInvalid', describeIssues(parsed.error.issues));
  const applied = applyDelta(current, parsed.data);
  if (!applied.ok) return applied;
  if (!overridesListed(applied.value))
    return invalid('threatDeltaInvalid', 'tags name entries that are not listed');
  const actual = await snapshotSha256(applied.value);
  if (actual !== parsed.data.sha256) return invalid('threatSnapshotHashMismatch', actual);
  return ok(applied.value);
}

/**
 * The same for raw file contents, as fetched: the bundled snapshot.json and its snapshot.sha256 (trailing
 * newline and all), or a download and the hash announced beside it.
 */
export async function verifySnapshotText(json: string, sha256: string): Promise<Result<ThreatSnapshot>> {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return invalid('threatSnapshotInvalid', 'not JSON');
  }
  return verifySnapshot(data, sha256.trim());
}
