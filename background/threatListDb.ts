// IndexedDB storage of the verified threat list (wiring; the logic lives in protection/threatList.ts).
import { openDB } from 'idb';
import type { StoredThreatList, ThreatListStorage } from './platform';

const DB = 'rampart-threats';
const STORE = 'lists';
const KEY = 'current';

export function createThreatListDb(): ThreatListStorage {
  const db = openDB(DB, 1, { upgrade: (database) => void database.createObjectStore(STORE) });
  return {
    load: async () => ((await (await db).get(STORE, KEY)) as StoredThreatList | undefined) ?? null,
    save: async (list) => void (await (await db).put(STORE, list, KEY)),
  };
}
