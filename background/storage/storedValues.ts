import type { z } from 'zod';
import { placeOf, type RepairedValue, type StoredValue } from '../../src/storage';
import type { KeyValueArea } from '../platform';
import { createSerialQueue } from '../serialQueue';

/** The two `storage` areas, as the platform hands them over. */
export interface StorageAreas {
  local: KeyValueArea;
  session: KeyValueArea;
}

/** The first few problems of a failed parse, as one line for the console. */
export const describeIssues = (issues: readonly z.core.$ZodIssue[]): string =>
  issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');

/** A stored value that failed its check is never used as it is; saying so leaves a trace to debug from. */
export function reportInvalid(place: string, problem: string, outcome: string): void {
  console.warn(`Rampart: the stored ${place} is not valid (${problem}); ${outcome}.`);
}

/**
 * Reads a declared value: upgraded from an older layout, then parsed with its schema. Missing, it is null;
 * invalid, it is reported and then repaired (when the declaration can) or read as missing.
 */
export async function readStored<T>(areas: StorageAreas, value: RepairedValue<T>): Promise<T>;
export async function readStored<T>(areas: StorageAreas, value: StoredValue<T>): Promise<T | null>;
export async function readStored<T>(areas: StorageAreas, value: StoredValue<T>): Promise<T | null> {
  return parseStored(value, await areas[value.area].get(value.key));
}

function parseStored<T>(value: StoredValue<T> | RepairedValue<T>, raw: unknown): T | null {
  const repair = 'repair' in value ? value.repair : null;
  if (raw === undefined) return repair ? repair(undefined) : null;
  const current = value.upgrade ? value.upgrade(raw) : raw;
  const parsed = value.schema.safeParse(current);
  if (parsed.success) return parsed.data;
  reportInvalid(
    placeOf(value),
    describeIssues(parsed.error.issues),
    repair ? 'repaired field by field' : 'read as missing',
  );
  return repair ? repair(current) : null;
}

/** One queue per area and key: every write and read-modify-write of one value runs one after another. */
const queues = new WeakMap<KeyValueArea, Map<string, ReturnType<typeof createSerialQueue>>>();
function queueOf(area: KeyValueArea, key: string) {
  let byKey = queues.get(area);
  if (!byKey) queues.set(area, (byKey = new Map()));
  let queue = byKey.get(key);
  if (!queue) byKey.set(key, (queue = createSerialQueue()));
  return queue;
}

export function writeStored<T>(areas: StorageAreas, value: StoredValue<T>, data: T): Promise<void> {
  const area = areas[value.area];
  return queueOf(area, value.key)(() => area.set(value.key, data));
}

export function removeStored(areas: StorageAreas, value: StoredValue<unknown>): Promise<void> {
  const area = areas[value.area];
  return queueOf(area, value.key)(() => area.remove(value.key));
}

/**
 * Reads, changes and writes a value as one step: two changes at once (two pages, an alarm and a page) never
 * read the same old value, so neither is lost. `change` must not write the same value itself (it would wait
 * for its own turn); returning `current` itself writes nothing. Resolves with the value now stored.
 */
export function updateStored<T>(
  areas: StorageAreas,
  value: RepairedValue<T>,
  change: (current: T) => T | Promise<T>,
): Promise<T>;
export function updateStored<T>(
  areas: StorageAreas,
  value: StoredValue<T>,
  change: (current: T | null) => T | Promise<T>,
): Promise<T>;
export function updateStored<T>(
  areas: StorageAreas,
  value: StoredValue<T>,
  change: (current: T | null) => T | Promise<T>,
): Promise<T> {
  const area = areas[value.area];
  return queueOf(
    area,
    value.key,
  )(async () => {
    const current = parseStored(value, await area.get(value.key));
    const next = await change(current);
    if (next !== current) await area.set(value.key, next);
    return next;
  });
}
