import { finishedCheckSchema, type ThreatCheck } from '../../src/messages';
import type { Result } from '../../src/result';
import type { KeyValueArea } from '../platform';
import type { UpdateOutcome } from './updater';

/** When an update check last confirmed the list in force (ms): its age counts from then. */
const CONFIRMED_KEY = 'threatsCheckedAt';
/** How the last update check ended, so every page shows the same line, after a restart too. */
const LAST_CHECK_KEY = 'threatsLastCheck';

/**
 * The threat-list update check as the pages see it: running now, or how and when it last ended. Single-flight
 * per service: an alarm, a page opened during the start-up check and a click on "Update" share one download,
 * but a check asked of another service (the address just changed) waits for the old one and runs anew.
 */
export function createUpdateCheck(
  local: KeyValueArea,
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
      await local.set(CONFIRMED_KEY, at);
      await local.set(LAST_CHECK_KEY, { state: 'ok', at, updated: outcome.value.updated });
    } else await local.set(LAST_CHECK_KEY, { state: 'failed', at, error: outcome.error });
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
      const last = finishedCheckSchema.safeParse(await local.get(LAST_CHECK_KEY));
      return last.success ? last.data : { state: 'never' };
    },
    /** When a check last confirmed the list in force as current (0: never). */
    confirmedAt: async (): Promise<number> => {
      const at = await local.get(CONFIRMED_KEY);
      return typeof at === 'number' ? at : 0;
    },
  };
}
export type UpdateCheck = ReturnType<typeof createUpdateCheck>;
