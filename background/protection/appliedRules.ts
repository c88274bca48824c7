import type { DnrLimits } from '../../src/threats';
import { sha256Hex } from '../../src/threats';
import { readRecord, removeRecord, writeRecord } from '../account/records';
import type { Platform } from '../platform';

/** Everything the installed threat rules are compiled from. */
export interface RulesKeyInput {
  /** The build: the bundled list, its static ruleset and the rule compiler come with it. */
  extensionVersion: string;
  enabled: boolean;
  allowHosts: readonly string[];
  /** The list in force, as `ThreatList.identity` names it. */
  list: string;
  limits: DnrLimits;
  warningUrl: string;
  hasBundledRuleset: boolean;
}

/** A hash of the inputs of the installed rules: equal hashes compile to the same rules. */
export const rulesKey = (input: RulesKeyInput): Promise<string> =>
  sha256Hex(
    JSON.stringify([
      input.extensionVersion,
      input.enabled,
      input.allowHosts,
      input.list,
      input.limits,
      input.warningUrl,
      input.hasBundledRuleset,
    ]),
  );

const sameIds = (a: readonly number[], b: readonly number[]): boolean => {
  const sorted = [...b].sort((x, y) => x - y);
  return a.length === b.length && [...a].sort((x, y) => x - y).every((id, i) => id === sorted[i]);
};

/**
 * Remembers (in `storage.session`) which threat rules were installed, by a hash of their inputs, so that a
 * woken worker whose inputs did not change neither loads the list nor compiles it again. The record is
 * trusted only while the browser still holds the same dynamic rules, and never when some URL entries were
 * beyond the rule budget (those are checked from memory, which a new worker has to build).
 */
export function createAppliedRules(platform: Pick<Platform, 'local' | 'session' | 'dnr'>) {
  return {
    inForce: async (key: string): Promise<boolean> => {
      const applied = await readRecord(platform, 'appliedRules');
      if (applied?.key !== key || applied.overflow) return false;
      const held = await platform.dnr.getDynamicRules();
      return sameIds(
        held.map((rule) => rule.id),
        applied.ruleIds,
      );
    },
    /** Before installing: a worker stopped half-way must not trust the old record. */
    forget: () => removeRecord(platform, 'appliedRules'),
    remember: (key: string, ruleIds: number[], overflow: boolean) =>
      writeRecord(platform, 'appliedRules', { key, ruleIds, overflow }),
  };
}
export type AppliedRules = ReturnType<typeof createAppliedRules>;
