import { loadSettings, settingsSchema, type Settings, type SettingsWrite } from '../src/settings';
import type { KeyValueArea } from './platform';

const KEY = 'settings';

/**
 * Settings live in `storage.local`; every read goes through migration and repair. Writes are queued one
 * after another so that two quick changes from different pages never overwrite each other.
 */
export function createSettingsStore(area: KeyValueArea) {
  let queue: Promise<unknown> = Promise.resolve();
  const serialise = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const get = async (): Promise<Settings> => loadSettings(await area.get(KEY));

  const replace = (settings: Settings) =>
    serialise(async () => {
      const valid = settingsSchema.parse(settings);
      await area.set(KEY, valid);
      return valid;
    });

  // The background writes every field; pages reach only `SettingsPatch` through the `updateSettings` message.
  const update = (patch: SettingsWrite) =>
    serialise(async () => {
      const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      const next = settingsSchema.parse({ ...(await get()), ...given });
      await area.set(KEY, next);
      return next;
    });

  return { get, replace, update };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
