import { accountValues } from './accountValues';
import { managementValues } from './managementValues';
import { protectionValues } from './protectionValues';
import { settingsValues } from './settingsValues';
import { threatListValues } from './threatListValues';
import { vpnValues } from './vpnValues';

/**
 * Every value the extension stores, declared once (key, area, schema, version) in the files of this folder,
 * by the part of the extension that owns it. Nothing else names a storage key: the background reads and
 * writes through `background/storage`, and pages name a value here to watch it change.
 */
export const storedGroups = {
  settingsValues,
  vpnValues,
  accountValues,
  protectionValues,
  managementValues,
  threatListValues,
} as const;

export const stored = {
  ...settingsValues,
  ...vpnValues,
  ...accountValues,
  ...protectionValues,
  ...managementValues,
};

export const { threatList } = threatListValues;

export * from './define';
export { detectionSchema, type Detection } from './protectionValues';
