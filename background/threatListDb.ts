// IndexedDB storage of the verified threat list (wiring; the logic lives in protection/threatList.ts, and
// what is read back is checked by storage/storedThreatList.ts).
import { openDB, type IDBPDatabase } from 'idb';
import { threatList } from '../src/storage';
import type { ThreatListStorage } from './platform';

export function createThreatListDb(): ThreatListStorage {
  const { database, databaseVersion, store, key } = threatList;
  let db: Promise<IDBPDatabase> | null = null;
  // A failed open (a database left by a newer version, a storage error) is not cached: the start is
  // retried, and the retry opens it again.
  const open = () =>
    (db ??= openDB(database, databaseVersion, {
      upgrade: (opened) => void opened.createObjectStore(store),
    }).catch((error: unknown) => {
      db = null;
      throw error;
    }));
  return {
    load: async (): Promise<unknown> => (await open()).get(store, key),
    save: async (list) => void (await (await open()).put(store, list, key)),
  };
}
