import { finishedCheckSchema, type ThreatCheck } from '../../src/messages';
import type { Result } from '../../src/result';
import type { KeyValueArea } from '../platform';
import type { UpdateOutcome } from './updater';

/** When an update check last confirmed the list in force (ms): its age counts from then. */
const CONFIRMED_KEY = 'threatsCheckedAt';
/** How the last update check ended, so every page shows the same line, after a restart too. */
const LAST_CHECK_KEY = 'threatsLastCheck';

/**
 * The threat-list update check as the pages see it: running now, or how and when it last ended. Wraps the
 * updater, so a page that opens while a check runs joins it instead of starting another.
 */
export function createUpdateCheck(
  local: KeyValueArea,
  update: () => Promise<Result<UpdateOutcome>>,
  now: () => number,
) {
  let running: Promise<Result<UpdateOutcome>> | null = null;

  const run = async (): Promise<Result<UpdateOutcome>> => {
    const outcome = await update();
    const at = now();
    if (outcome.ok) {
      await local.set(CONFIRMED_KEY, at);
      await local.set(LAST_CHECK_KEY, { state: 'ok', at, updated: outcome.value.updated });
    } else await local.set(LAST_CHECK_KEY, { state: 'failed', at, error: outcome.error });
    return outcome;
  };

  return {
    /** Checks now, or joins the check already running. */
    check: (): Promise<Result<UpdateOutcome>> => {
      running ??= run().finally(() => (running = null));
      return running;
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
