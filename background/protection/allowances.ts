import { z } from 'zod';
import { PROCEED_ALLOWANCE_MS } from '../../src/threats/proceedAllowance';
import type { KeyValueArea } from '../platform';

const KEY = 'allowances';

const storedSchema = z.record(z.string(), z.number());

/** Short allowances granted from the warning page, by host, kept in `storage.local` with their expiry. */
export function createAllowances(area: KeyValueArea, now: () => number) {
  const live = async (): Promise<Record<string, number>> => {
    const parsed = storedSchema.safeParse(await area.get(KEY));
    const all = parsed.success ? parsed.data : {};
    return Object.fromEntries(Object.entries(all).filter(([, until]) => until > now()));
  };
  return {
    hosts: async (): Promise<string[]> => Object.keys(await live()),
    /** The soonest expiry, so the caller can schedule re-enforcement. */
    nextExpiry: async (): Promise<number | null> => {
      const times = Object.values(await live());
      return times.length ? Math.min(...times) : null;
    },
    grant: async (host: string) => area.set(KEY, { ...(await live()), [host]: now() + PROCEED_ALLOWANCE_MS }),
  };
}
export type Allowances = ReturnType<typeof createAllowances>;
