import { isRecord } from '../guards/isRecord';
import { migrate } from '../settings/migrations';
import { repairSettings } from '../settings/repair';
import { settingsSchema, SETTINGS_VERSION } from '../settings/schema';
import { repairedValue } from './define';
import { watchedKeys } from './watchedKeys';

export const settingsValues = {
  /** The user's settings: versioned, migrated on read (`src/settings/migrations`), repaired field by field. */
  settings: repairedValue({
    area: 'local',
    key: watchedKeys.settings,
    version: SETTINGS_VERSION,
    schema: settingsSchema,
    upgrade: (stored) => (isRecord(stored) ? migrate(stored, SETTINGS_VERSION) : stored),
    repair: repairSettings,
  }),
};
