import { dropAdultCategory } from './01-drop-adult-category';
import { dropServiceUrl } from './02-drop-service-url';
import type { Migration } from './migration';

export type { Migration } from './migration';
export { dropAdultCategory, dropServiceUrl };

/**
 * The chain, by the version each step upgrades from. Version 1 is the first released layout. A new step is a
 * new file `NN-what-it-does.ts` here with its own test in `test/unit/settings/migrations/`, an entry below,
 * and `SETTINGS_VERSION` bumped with it.
 */
export const migrations: Readonly<Record<number, Migration>> = { 1: dropAdultCategory, 2: dropServiceUrl };

/** Data stored without a version predates nothing: it is read as the first version. */
export function storedVersion(stored: Record<string, unknown>): number {
  const version = stored['version'];
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : 1;
}

/** Runs every migration from the stored version up to `target`. Newer data is left as it is. */
export function migrate(
  stored: Record<string, unknown>,
  target: number,
  chain: Readonly<Record<number, Migration>> = migrations,
): Record<string, unknown> {
  let current = stored;
  for (let version = storedVersion(stored); version < target; version++) {
    const step = chain[version];
    if (!step) throw new Error(`No settings migration from version ${version}`);
    current = { ...step(current), version: version + 1 };
  }
  return current;
}
