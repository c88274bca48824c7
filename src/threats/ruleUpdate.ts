import type { DnrRule } from './dnrTypes';
import { byValue } from './snapshot';

// Replacing 20,000 dynamic rules on every list update is slow and briefly leaves gaps; since rule ids are
// keyed by entry, an update usually touches only the rules whose entries changed.

/** JSON with sorted keys, so a rule read back from the browser compares equal whatever its key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
  return `{${entries
    .sort(([a], [b]) => byValue(a, b))
    .map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`)
    .join(',')}}`;
}

/** The smallest updateDynamicRules call that turns `current` into `next` (rules compared by value). */
export function planRuleUpdate(
  current: readonly DnrRule[],
  next: readonly DnrRule[],
): { removeRuleIds: number[]; addRules: DnrRule[] } {
  const before = new Map(current.map((rule) => [rule.id, stableJson(rule)]));
  const nextIds = new Set(next.map((rule) => rule.id));
  const addRules = next.filter((rule) => before.get(rule.id) !== stableJson(rule));
  const removeRuleIds = [
    ...current.filter((rule) => !nextIds.has(rule.id)).map((rule) => rule.id),
    ...addRules.filter((rule) => before.has(rule.id)).map((rule) => rule.id),
  ].sort((a, b) => a - b);
  return { removeRuleIds, addRules };
}
