import { placeOf, threatList } from '../../src/storage';
import { snapshotSha256 } from '../../src/threats/snapshotHash';
import type { StoredThreatList } from '../platform';
import { describeIssues, reportInvalid } from './storedValues';

const USE_BUNDLED = 'the bundled list is used instead';

/**
 * The threat list read back from IndexedDB, or null. A record must still have its declared shape and still
 * hash to the hash it was verified against when it was downloaded; one that does not (damaged, half
 * written, left by another layout) is reported and treated as absent, so the bundled list is enforced rather
 * than a list nobody verified.
 */
export async function parseStoredThreatList(raw: unknown): Promise<StoredThreatList | null> {
  if (raw === undefined || raw === null) return null;
  const parsed = threatList.schema.safeParse(raw);
  if (!parsed.success) {
    reportInvalid(placeOf(threatList), describeIssues(parsed.error.issues), USE_BUNDLED);
    return null;
  }
  const actual = await snapshotSha256(parsed.data.snapshot);
  if (actual !== parsed.data.sha256) {
    reportInvalid(
      placeOf(threatList),
      `the snapshot hashes to ${actual}, not ${parsed.data.sha256}`,
      USE_BUNDLED,
    );
    return null;
  }
  return parsed.data;
}
