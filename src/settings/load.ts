import { migrate } from './migrations';
import { repairSettings } from './repair';
import { SETTINGS_VERSION, type Settings } from './schema';

/** Reads whatever storage held (any version, possibly corrupt) into current, valid settings. */
export function loadSettings(stored: unknown): Settings {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return repairSettings({});
  return repairSettings(migrate(stored as Record<string, unknown>, SETTINGS_VERSION));
}
