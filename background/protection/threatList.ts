import { createMatcher, verifySnapshot, type ThreatMatcher, type ThreatSnapshot } from '../../src/threats';
import type { Platform, StoredThreatList } from '../platform';
import { parseStoredThreatList } from '../storage/storedThreatList';

export const BUNDLED_SNAPSHOT = 'data/threats/snapshot.json';
export const BUNDLED_SHA256 = 'data/threats/snapshot.sha256';

/**
 * The threat list in force: the last verified download from IndexedDB, else the snapshot bundled in the
 * build (so protection works before the first update; Chrome enforces that one as a static ruleset). The
 * matcher is built once per list.
 */
export function createThreatList(platform: Platform) {
  type Current = { list: StoredThreatList; matcher: ThreatMatcher; source: 'bundled' | 'downloaded' };
  let current: Current | null = null;

  const use = (list: StoredThreatList, source: Current['source']): Current => {
    current = { list, matcher: createMatcher(list.snapshot), source };
    return current;
  };

  const loadBundled = async (): Promise<StoredThreatList> => {
    const [text, sha] = await Promise.all([
      platform.readBundled(BUNDLED_SNAPSHOT),
      platform.readBundled(BUNDLED_SHA256),
    ]);
    const verified = await verifySnapshot(JSON.parse(text), sha.trim());
    if (!verified.ok) throw new Error(`The bundled threat list does not verify: ${verified.error.code}`);
    return { snapshot: verified.value, sha256: sha.trim(), installedAt: platform.now().getTime() };
  };

  const loadStored = async () => parseStoredThreatList(await platform.threatLists.load());

  const get = async (): Promise<Current> => {
    if (current) return current;
    const stored = await loadStored();
    return stored ? use(stored, 'downloaded') : use(await loadBundled(), 'bundled');
  };

  return {
    get,
    /** The downloaded list if there is one, without parsing the bundled snapshot (which costs a second). */
    downloaded: async (): Promise<Current | null> => {
      if (current) return current.source === 'downloaded' ? current : null;
      const stored = await loadStored();
      return stored ? use(stored, 'downloaded') : null;
    },
    /** Stores and switches to a list that already passed verification. */
    replace: async (snapshot: ThreatSnapshot, sha256: string) => {
      const list = { snapshot, sha256, installedAt: platform.now().getTime() };
      await platform.threatLists.save(list);
      return use(list, 'downloaded');
    },
  };
}
export type ThreatList = ReturnType<typeof createThreatList>;
