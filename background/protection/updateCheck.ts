import type { ThreatCheck } from '../../src/messages';
import type { Result } from '../../src/result';
import { stored } from '../../src/storage';
import { readStored, writeStored, type StorageAreas } from '../storage/storedValues';
import type { UpdateOutcome } from './updater';

/**
 * The threat-list update check as the pages see it: running now, or how and when it last ended. Single-flight
 * per service: an alarm, a page opened during the start-up check and a click on "Update" share one download,
 * but a check asked of another service (the address just changed) waits for the old one and runs anew.
 */
export function createUpdateCheck(
  areas: StorageAreas,
  update: (serviceUrl: string) => Promise<Result<UpdateOutcome>>,
  serviceUrl: () => Promise<string>,
  now: () => number,
) {
  let running: { url: string; outcome: Promise<Result<UpdateOutcome>> } | null = null;

  const run = async (url: string, previous: Promise<unknown> | undefined): Promise<Result<UpdateOutcome>> => {
    await previous;
    const outcome = await update(url);
    const at = now();
    if (outcome.ok) {
      await writeStored(areas, stored.threatsCheckedAt, at);
      await writeStored(areas, stored.threatsLastCheck, { state: 'ok', at, updated: outcome.value.updated });
    } else await writeStored(areas, stored.threatsLastCheck, { state: 'failed', at, error: outcome.error });
    return outcome;
  };

  return {
    /** Checks now, or joins the check already running for the same service. */
    check: async (): Promise<Result<UpdateOutcome>> => {
      const url = await serviceUrl();
      if (running?.url === url) return running.outcome;
      const current: { url: string; outcome: Promise<Result<UpdateOutcome>> } = {
        url,
        outcome: run(url, running?.outcome).finally(() => {
          if (running === current) running = null;
        }),
      };
      running = current;
      return current.outcome;
    },
    state: async (): Promise<ThreatCheck> => {
      if (running) return { state: 'checking' };
      return (await readStored(areas, stored.threatsLastCheck)) ?? { state: 'never' };
    },
    /** When a check last confirmed the list in force as current (0: never). */
    confirmedAt: async (): Promise<number> => (await readStored(areas, stored.threatsCheckedAt)) ?? 0,
  };
}
export type UpdateCheck = ReturnType<typeof createUpdateCheck>;
