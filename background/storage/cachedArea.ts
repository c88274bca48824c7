import type { KeyValueArea } from '../platform';

/** What `storage.onChanged` says about one area: the keys that changed, by whatever context changed them. */
export type ChangedKeys = Iterable<string>;

/**
 * A storage area read through a copy kept in the worker: a value read or written once is answered from memory
 * until it changes, instead of a round trip to the browser for every read (the popup's status reads four
 * values at once, on a worker that is also busy with the page opening; speed budget of issue 16).
 *
 * What keeps the copy true:
 * - A write forgets the key while it runs and keeps what it wrote once the browser has stored it.
 * - `changed` (wired to `storage.onChanged`, which also reports writes made by any other context) forgets
 *   the keys it names; the next read asks the browser again. It never takes the event's value: an event for
 *   an older write can arrive after a newer write finished.
 * - A read that was overtaken by a write or a change while it ran answers its caller but is not kept.
 * - Each caller gets its own copy, so a caller that changes what it read cannot change what others read.
 */
export function cachedArea(area: KeyValueArea): KeyValueArea & { changed(keys: ChangedKeys): void } {
  const values = new Map<string, unknown>();
  const reads = new Map<string, Promise<unknown>>();
  // Bumped by every write and change of a key: a read or write that finishes under an older turn is stale.
  const turns = new Map<string, number>();
  const turnOf = (key: string) => turns.get(key) ?? 0;
  const forget = (key: string) => {
    turns.set(key, turnOf(key) + 1);
    values.delete(key);
    reads.delete(key);
  };

  const readThrough = (key: string): Promise<unknown> => {
    const pending = reads.get(key);
    if (pending) return pending;
    const turn = turnOf(key);
    const read = area.get(key).finally(() => {
      if (reads.get(key) === read) reads.delete(key);
    });
    reads.set(key, read);
    void read.then(
      (value) => {
        if (turnOf(key) === turn) values.set(key, value);
      },
      () => undefined,
    );
    return read;
  };

  return {
    get: async (key) => {
      const value = values.has(key) ? values.get(key) : await readThrough(key);
      return value === undefined ? undefined : structuredClone(value);
    },
    set: async (key, value) => {
      forget(key);
      const turn = turnOf(key);
      const copy = structuredClone(value);
      await area.set(key, value);
      if (turnOf(key) === turn) values.set(key, copy);
    },
    remove: async (key) => {
      forget(key);
      const turn = turnOf(key);
      await area.remove(key);
      if (turnOf(key) === turn) values.set(key, undefined);
    },
    changed: (keys) => {
      for (const key of keys) forget(key);
    },
  };
}
