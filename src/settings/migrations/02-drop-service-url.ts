import type { Migration } from './migration';

/**
 * 2 → 3: the account service's address is build-time configuration, not a setting: a shared settings file
 * must not be able to move where the device's refresh token goes or which portal origin is trusted.
 */
export const dropServiceUrl: Migration = (old) => {
  const next = { ...old };
  delete next['serviceUrl'];
  return next;
};
