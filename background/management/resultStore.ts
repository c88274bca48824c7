import type { CommandResult } from '../../src/api/management';
import { stored } from '../../src/storage';
import { readStored, updateStored, type StorageAreas } from '../storage/storedValues';

const MAX_RAN = 200;
const MAX_UNSENT = 50;

/** Results waiting to reach the service; kept in storage so a stopped worker or a lost answer loses none. */
export function createResultStore(areas: StorageAreas) {
  const unsent = async (): Promise<CommandResult[]> => (await readStored(areas, stored.commandResults)) ?? [];
  /** Ids of commands already run, so one handed out again (its result lost on the way) is not run twice. */
  const ran = async (): Promise<string[]> => (await readStored(areas, stored.commandsRan)) ?? [];
  return {
    unsent,
    hasRun: async (id: string) =>
      (await ran()).includes(id) || (await unsent()).some((result) => result.id === id),
    /** The result first: a worker stopped in between still knows the command ran. */
    add: async (result: CommandResult) => {
      await updateStored(areas, stored.commandResults, (results) =>
        [...(results ?? []).filter((r) => r.id !== result.id), result].slice(-MAX_UNSENT),
      );
      await updateStored(areas, stored.commandsRan, (ids) => [
        ...(ids ?? []).slice(-(MAX_RAN - 1)),
        result.id,
      ]);
    },
    /** The service has these now. */
    delivered: async (ids: string[]) => {
      const done = new Set(ids);
      await updateStored(areas, stored.commandResults, (results) =>
        (results ?? []).filter((r) => !done.has(r.id)),
      );
    },
  };
}
export type ResultStore = ReturnType<typeof createResultStore>;
