import { settingsSchema, withPatch, type Settings, type SettingsWrite } from '../src/settings';
import { stored } from '../src/storage';
import { readStored, updateStored, type StorageAreas } from './storage/storedValues';

/**
 * Settings live in `storage.local`; every read goes through migration and repair. Writes are queued one
 * after another (by `updateStored`) so that two quick changes from different pages never overwrite each other.
 */
export function createSettingsStore(areas: StorageAreas) {
  const get = (): Promise<Settings> => readStored(areas, stored.settings);

  const replace = (settings: Settings) =>
    updateStored(areas, stored.settings, () => settingsSchema.parse(settings));

  // The background writes every field; pages reach only `SettingsPatch` through the `updateSettings` message.
  const update = (patch: SettingsWrite) =>
    updateStored(areas, stored.settings, (current) => settingsSchema.parse(withPatch(current, patch)));

  return { get, replace, update };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
