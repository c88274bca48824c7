import type { z } from 'zod';

/** A `storage` area: `local` survives browser restarts, `session` lasts as long as the browser session. */
export type AreaName = 'local' | 'session';

/**
 * One value the extension keeps in `storage.local` or `storage.session`, declared once with everything a
 * reader needs (Bitwarden's key definitions): it is read and written only through this declaration, so its
 * key, area and shape cannot drift apart between the writer and the readers.
 */
export interface StoredValue<T> {
  readonly area: AreaName;
  /** The key in its area; no two declarations share one (a convention test checks). */
  readonly key: string;
  /**
   * The layout's version. Values stored before any layout change are version 1 and carry no version; a
   * value past version 1 brings `upgrade`, which reads every older layout.
   */
  readonly version: number;
  /** What a valid value looks like: a read parses with it, and what fails is not used. */
  readonly schema: z.ZodType<T>;
  /** Brings an older layout up to `version` before it is parsed. */
  readonly upgrade?: (stored: unknown) => unknown;
}

/** A value that is never lost whole: what fails the schema is repaired field by field (the settings). */
export interface RepairedValue<T> extends StoredValue<T> {
  readonly repair: (stored: unknown) => T;
}

/** A value kept in an IndexedDB object store (too large for `storage.local`). */
export interface DatabaseValue<T> {
  readonly area: 'indexedDB';
  readonly database: string;
  /** The database's own version: a new object store needs a new one. */
  readonly databaseVersion: number;
  readonly store: string;
  readonly key: string;
  readonly version: number;
  readonly schema: z.ZodType<T>;
}

export const storedValue = <T>(value: StoredValue<T>): StoredValue<T> => value;
export const repairedValue = <T>(value: RepairedValue<T>): RepairedValue<T> => value;
export const databaseValue = <T>(value: DatabaseValue<T>): DatabaseValue<T> => value;

/** Where a value lives, as one string: `local:settings`, `indexedDB:rampart-threats/lists/current`. */
export const placeOf = (value: StoredValue<unknown> | DatabaseValue<unknown>): string =>
  value.area === 'indexedDB'
    ? `indexedDB:${value.database}/${value.store}/${value.key}`
    : `${value.area}:${value.key}`;
