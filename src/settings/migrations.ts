/**
 * Each entry upgrades stored settings from version `n` to `n + 1`: a small pure function with its own test.
 * `migrate` runs the chain from whatever version was stored. Version 1 is the first released layout; add each
 * step here and bump `SETTINGS_VERSION` together.
 */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/**
 * 1 → 2: the "adult" category is no longer offered (no list could be shipped for it, so a choice there did
 * nothing); its stored action is dropped rather than kept as a setting nobody can see.
 */
export const dropAdultCategory: Migration = (old) => {
  const actions = old['categoryActions'];
  if (typeof actions !== 'object' || actions === null || Array.isArray(actions)) return old;
  const { adult: _dropped, ...kept } = actions as Record<string, unknown>;
  return { ...old, categoryActions: kept };
};

/**
 * 2 → 3: the account service's address is build-time configuration, not a setting: a shared settings file
 * must not be able to move where the device's refresh token goes or which portal origin is trusted.
 */
export const dropServiceUrl: Migration = (old) => {
  const next = { ...old };
  delete next['serviceUrl'];
  return next;
};

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
