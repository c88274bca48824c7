import { connectionRecordSchema, initialConnection, type ConnectionRecord } from '../../src/status';
import type { KeyValueArea } from '../platform';

const KEY = 'connection';

/** The connection record in `storage.session`: it survives a worker restart, not a browser restart. */
export function createConnectionStore(session: KeyValueArea, now: () => number) {
  return {
    async get(): Promise<ConnectionRecord> {
      const parsed = connectionRecordSchema.safeParse(await session.get(KEY));
      return parsed.success ? parsed.data : initialConnection(now());
    },
    set: (record: ConnectionRecord) => session.set(KEY, record),
  };
}
export type ConnectionStore = ReturnType<typeof createConnectionStore>;
