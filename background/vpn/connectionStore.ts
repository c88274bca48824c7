import { initialConnection, type ConnectionRecord } from '../../src/status';
import { stored as storedValues } from '../../src/storage';
import { readStored, writeStored, type StorageAreas } from '../storage/storedValues';

/** The connection record in `storage.session`: it survives a worker restart, not a browser restart. */
export function createConnectionStore(areas: StorageAreas, now: () => number) {
  /** The record this browser session wrote, or null after a browser restart or an extension update. */
  const stored = (): Promise<ConnectionRecord | null> => readStored(areas, storedValues.connection);
  return {
    stored,
    async get(): Promise<ConnectionRecord> {
      return (await stored()) ?? initialConnection(now());
    },
    set: (record: ConnectionRecord) => writeStored(areas, storedValues.connection, record),
  };
}
export type ConnectionStore = ReturnType<typeof createConnectionStore>;
