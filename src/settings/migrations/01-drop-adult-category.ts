import type { Migration } from './migration';

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
