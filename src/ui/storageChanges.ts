import { accountValues } from '../storage/accountValues';
import { settingsValues } from '../storage/settingsValues';
import { vpnValues } from '../storage/vpnValues';

/** Stored values whose change means what a page shows may have changed. */
export const WATCHED_KEYS = [
  vpnValues.connection,
  settingsValues.settings,
  accountValues.deviceStatus,
  accountValues.gateways,
  accountValues.tier,
  accountValues.account,
].map((value) => value.key);

type StorageChanges = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether a `storage.onChanged` event changed a watched value. Firefox reports every write, also one that
 * stores the value already there; counting those would make a page that re-asks (and so makes the background
 * write again) ask for ever.
 */
export function watchedValueChanged(
  changes: StorageChanges,
  watched: readonly string[] = WATCHED_KEYS,
): boolean {
  return watched.some((key) => {
    if (!(key in changes)) return false;
    const change = changes[key] as { oldValue?: unknown; newValue?: unknown } | undefined;
    return !same(change?.oldValue, change?.newValue);
  });
}
