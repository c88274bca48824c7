// IndexedDB storage of the verified threat list (wiring; the logic lives in protection/threatList.ts).
import { openDB, type IDBPDatabase } from 'idb';
import type { StoredThreatList, ThreatListStorage } from './platform';

const DB = 'rampart-threats';
const STORE = 'lists';
const KEY = 'current';

export function createThreatListDb(): ThreatListStorage {
  let db: Promise<IDBPDatabase> | null = null;
  // A failed open (a database left by a newer version, a storage error) is not cached: the start is
  // retried, and the retry opens it again.
  const open = () =>
    (db ??= openDB(DB, 1, { upgrade: (database) => void database.createObjectStore(STORE) }).catch(
      (error: unknown) => {
        db = null;
        throw error;
      },
    ));
  return {
    load: async () => ((await (await open()).get(STORE, KEY)) as StoredThreatList | undefined) ?? null,
    save: async (list) => void (await (await open()).put(STORE, list, KEY)),
  };
}
