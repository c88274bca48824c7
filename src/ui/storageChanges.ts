import { watchedKeys } from '../storage/watchedKeys';

/** Stored values whose change means what a page shows may have changed. */
export const WATCHED_KEYS: readonly string[] = Object.values(watchedKeys);

type StorageChanges = Record<string, unknown>;

/** `storage.onChanged` as a page sees it (the browser's, or a test's fake). */
export type StorageListener = (changes: StorageChanges, area: string) => void;
export interface StorageChangeEvents {
  addListener(listener: StorageListener): void;
  removeListener(listener: StorageListener): void;
}

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

/**
 * The background writes its state to storage; `storage.onChanged` is the push every page listens to. The
 * listener is called once for each event that changed a watched value; the returned function unsubscribes.
 */
export const subscribeToStorage =
  (onChanged: StorageChangeEvents | undefined) =>
  (listener: () => void): (() => void) => {
    const relay: StorageListener = (changes) => {
      if (watchedValueChanged(changes)) listener();
    };
    onChanged?.addListener(relay);
    return () => onChanged?.removeListener(relay);
  };
