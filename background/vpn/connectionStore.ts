import { connectionRecordSchema, initialConnection, type ConnectionRecord } from '../../src/status';
import type { KeyValueArea } from '../platform';

const KEY = 'connection';

/** The connection record in `storage.session`: it survives a worker restart, not a browser restart. */
export function createConnectionStore(session: KeyValueArea, now: () => number) {
  /** The record this browser session wrote, or null after a browser restart or an extension update. */
  const stored = async (): Promise<ConnectionRecord | null> => {
    const parsed = connectionRecordSchema.safeParse(await session.get(KEY));
    return parsed.success ? parsed.data : null;
  };
  return {
    stored,
    async get(): Promise<ConnectionRecord> {
      return (await stored()) ?? initialConnection(now());
    },
    set: (record: ConnectionRecord) => session.set(KEY, record),
  };
}
export type ConnectionStore = ReturnType<typeof createConnectionStore>;
