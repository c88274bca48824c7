import { createMatcher, verifySnapshot, type ThreatMatcher, type ThreatSnapshot } from '../../src/threats';
import { stored } from '../../src/storage';
import type { Platform, StoredThreatList } from '../platform';
import { parseStoredThreatList } from '../storage/storedThreatList';
import { readStored, removeStored, writeStored } from '../storage/storedValues';

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

  /**
   * The downloaded list from IndexedDB, if it still passes its checks; the value naming the list in force
   * follows what was found there (a list that fails its checks is not in force).
   */
  const loadStored = async (): Promise<StoredThreatList | null> => {
    const list = await parseStoredThreatList(await platform.threatLists.load());
    const named = await readStored(platform, stored.threatListInForce);
    if (list && named !== list.sha256) await writeStored(platform, stored.threatListInForce, list.sha256);
    if (!list && named !== null) await removeStored(platform, stored.threatListInForce);
    return list;
  };

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
    /**
     * Names the list in force without loading it: the SHA-256 of the downloaded list, or "bundled" (the one
     * in the build).
     */
    identity: async (): Promise<string> => {
      if (current) return current.source === 'downloaded' ? current.list.sha256 : 'bundled';
      return (await readStored(platform, stored.threatListInForce)) ?? 'bundled';
    },
    /** Stores and switches to a list that already passed verification. */
    replace: async (snapshot: ThreatSnapshot, sha256: string) => {
      const list = { snapshot, sha256, installedAt: platform.now().getTime() };
      // Named before it is stored: a worker stopped in between then sees a list it has not enforced.
      await writeStored(platform, stored.threatListInForce, sha256);
      await platform.threatLists.save(list);
      return use(list, 'downloaded');
    },
  };
}
export type ThreatList = ReturnType<typeof createThreatList>;
