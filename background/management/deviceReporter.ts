import type { DeviceState, PendingCommand } from '../../src/api/management';
import { routes } from '../../src/api/routes';
import { ok, type AppError, type Result } from '../../src/result';
import type { AccountService } from '../account/accountService';
import type { Alarm } from '../alarms';
import type { CommandRunner } from './commandRunner';
import type { ResultStore } from './resultStore';

/** The alarm that reports and collects commands; Chrome's shortest period, so a Fix lands within a minute. */
export const REPORT_ALARM = 'device-report';
export const REPORT_PERIOD_MINUTES = 0.5;
/** A change is reported after this quiet time, so a burst of changes makes one report. */
export const CHANGE_DEBOUNCE_MS = 1_000;
const MAX_ROUNDS = 3;

export interface ReporterDeps {
  account: Pick<AccountService, 'call' | 'isLinked'>;
  collect(): Promise<DeviceState>;
  run: CommandRunner;
  results: ResultStore;
  /** setTimeout in the worker; tests pass a manual one. */
  schedule(fn: () => void, ms: number): void;
}

/**
 * Tells the portal this device's state and runs the commands it queued. Only a linked device reports (the
 * portal shows nothing else). Single-flight; a change during a report makes one more report after it.
 */
export function createDeviceReporter(deps: ReporterDeps) {
  let running: Promise<Result<number, AppError>> | null = null;
  let again = false;
  let debounced = false;

  const runCommands = async (commands: PendingCommand[]): Promise<number> => {
    let ran = 0;
    for (const pending of commands) {
      if (await deps.results.hasRun(pending.id)) continue;
      await deps.results.add(await deps.run(pending));
      ran++;
    }
    return ran;
  };

  const exchange = async (): Promise<Result<PendingCommand[], AppError>> => {
    const results = await deps.results.unsent();
    const answer = await deps.account.call({
      route: routes.deviceReport,
      body: { state: await deps.collect(), results },
    });
    if (!answer.ok) return answer;
    await deps.results.delivered(results.map((r) => r.id));
    return ok(answer.value.commands);
  };

  /**
   * One report; when commands ran, the next one carries their results and the state they left (and may
   * bring commands queued meanwhile), a few rounds at most.
   */
  const reportOnce = async (): Promise<Result<number, AppError>> => {
    if (!(await deps.account.isLinked())) return ok(0);
    let total = 0;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const commands = await exchange();
      if (!commands.ok) return commands;
      const ran = await runCommands(commands.value);
      total += ran;
      if (ran === 0) break;
    }
    return ok(total);
  };

  const report = (): Promise<Result<number, AppError>> => {
    if (running) {
      again = true;
      return running;
    }
    running = reportOnce().finally(() => {
      running = null;
      if (again) {
        again = false;
        void report();
      }
    });
    return running;
  };

  // Twice a minute: the portal's commands (a Fix, one queued while the browser was closed) run within a minute.
  const alarms: Alarm[] = [{ name: REPORT_ALARM, periodInMinutes: REPORT_PERIOD_MINUTES, run: report }];

  return {
    alarms,
    /** Reports now; resolves with how many commands ran. */
    report,
    /** Something changed (a setting, the connection, a UI opened): report shortly. */
    changed: () => {
      if (debounced) return;
      debounced = true;
      deps.schedule(() => {
        debounced = false;
        void report();
      }, CHANGE_DEBOUNCE_MS);
    },
  };
}
export type DeviceReporter = ReturnType<typeof createDeviceReporter>;
