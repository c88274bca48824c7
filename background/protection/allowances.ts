import { stored } from '../../src/storage';
import { PROCEED_ALLOWANCE_MS } from '../../src/threats/proceedAllowance';
import { readStored, updateStored, type StorageAreas } from '../storage/storedValues';

/** Short allowances granted from the warning page, by host, kept in `storage.local` with their expiry. */
export function createAllowances(areas: StorageAreas, now: () => number) {
  const liveOf = (all: Record<string, number> | null): Record<string, number> =>
    Object.fromEntries(Object.entries(all ?? {}).filter(([, until]) => until > now()));
  const live = async () => liveOf(await readStored(areas, stored.allowances));
  return {
    hosts: async (): Promise<string[]> => Object.keys(await live()),
    /** The soonest expiry, so the caller can schedule re-enforcement. */
    nextExpiry: async (): Promise<number | null> => {
      const times = Object.values(await live());
      return times.length ? Math.min(...times) : null;
    },
    grant: async (host: string) => {
      await updateStored(areas, stored.allowances, (all) => ({
        ...liveOf(all),
        [host]: now() + PROCEED_ALLOWANCE_MS,
      }));
    },
  };
}
export type Allowances = ReturnType<typeof createAllowances>;
