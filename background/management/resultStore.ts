import { z } from 'zod';
import { commandResult, type CommandResult } from '../../src/api/management';
import type { KeyValueArea } from '../platform';

const KEY = 'commandResults';
/** Ids of commands already run, so one handed out again (its result lost on the way) is not run twice. */
const RAN_KEY = 'commandsRan';
const MAX_RAN = 200;
const MAX_UNSENT = 50;

/** Results waiting to reach the service; kept in storage so a stopped worker or a lost answer loses none. */
export function createResultStore(area: KeyValueArea) {
  const unsent = async (): Promise<CommandResult[]> => {
    const parsed = z.array(commandResult).safeParse(await area.get(KEY));
    return parsed.success ? parsed.data : [];
  };
  const ran = async (): Promise<string[]> => {
    const parsed = z.array(z.string()).safeParse(await area.get(RAN_KEY));
    return parsed.success ? parsed.data : [];
  };
  return {
    unsent,
    hasRun: async (id: string) =>
      (await ran()).includes(id) || (await unsent()).some((result) => result.id === id),
    /** The result first: a worker stopped in between still knows the command ran. */
    add: async (result: CommandResult) => {
      await area.set(KEY, [...(await unsent()).filter((r) => r.id !== result.id), result].slice(-MAX_UNSENT));
      await area.set(RAN_KEY, [...(await ran()).slice(-(MAX_RAN - 1)), result.id]);
    },
    /** The service has these now. */
    delivered: async (ids: string[]) => {
      const done = new Set(ids);
      await area.set(
        KEY,
        (await unsent()).filter((r) => !done.has(r.id)),
      );
    },
  };
}
export type ResultStore = ReturnType<typeof createResultStore>;
