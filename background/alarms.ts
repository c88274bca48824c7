/**
 * An alarm a module answers: periodic ones are created at start when missing; one-off ones the module sets
 * itself (`platform.wakeAt`). Each module lists its own, so the name, the period and what it does stay together.
 */
export interface Alarm {
  name: string;
  /** Minutes between runs; absent for a one-off alarm. */
  periodInMinutes?: number;
  run(): Promise<unknown>;
}

/** All alarms by name, as `alarms.onAlarm` needs them. A name listed twice is a mistake: it throws at once. */
export function createAlarmTable(...lists: readonly (readonly Alarm[])[]) {
  const byName = new Map<string, Alarm>();
  for (const alarm of lists.flat()) {
    if (byName.has(alarm.name)) throw new Error(`Alarm ${alarm.name} is declared twice`);
    byName.set(alarm.name, alarm);
  }
  return {
    /** Runs the alarm's work; an unknown name (one left by an older version) does nothing. */
    run: async (name: string): Promise<void> => {
      await byName.get(name)?.run();
    },
    /** The periodic alarms, to create when missing. */
    periodic: (): { name: string; periodInMinutes: number }[] =>
      [...byName.values()].flatMap(({ name, periodInMinutes }) =>
        periodInMinutes === undefined ? [] : [{ name, periodInMinutes }],
      ),
  };
}
export type AlarmTable = ReturnType<typeof createAlarmTable>;
