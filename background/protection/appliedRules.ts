import type { DnrLimits, DnrRule } from '../../src/threats';
import { sha256Hex } from '../../src/threats';
import { stored } from '../../src/storage';
import type { Platform } from '../platform';
import { readStored, removeStored, writeStored } from '../storage/storedValues';

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

/**
 * A few installed rules to ask the browser about: dynamic rules persist across restarts and updates and go
 * only all at once (uninstall, a profile reset), so a few stand for all. Small ones, since the browser sends
 * each back whole, and the domain rules carry every listed domain.
 */
export function probeIds(rules: readonly DnrRule[]): number[] {
  const small = rules.filter((rule) => (rule.condition.requestDomains?.length ?? 0) <= 10);
  const pool = small.length ? small : rules.slice(0, 1);
  const picked = [pool[0], pool[Math.floor(pool.length / 2)], pool.at(-1)].flatMap((rule) =>
    rule ? [rule.id] : [],
  );
  return [...new Set(picked)];
}

/**
 * Remembers (in `storage.session`) which threat rules were installed, by a hash of their inputs, so that a
 * woken worker whose inputs did not change neither loads the list nor compiles it again. The record is
 * trusted only while the browser still holds the rules it names, and never when some URL entries were
 * beyond the rule budget (those are checked from memory, which a new worker has to build).
 */
export function createAppliedRules(platform: Pick<Platform, 'local' | 'session' | 'dnr'>) {
  return {
    inForce: async (key: string): Promise<boolean> => {
      const applied = await readStored(platform, stored.appliedRules);
      if (applied?.key !== key || applied.overflow) return false;
      if (applied.probeIds.length === 0) return true;
      const held = new Set((await platform.dnr.getDynamicRules(applied.probeIds)).map((rule) => rule.id));
      return applied.probeIds.every((id) => held.has(id));
    },
    /** Before installing: a worker stopped half-way must not trust the old record. */
    forget: () => removeStored(platform, stored.appliedRules),
    remember: (key: string, rules: readonly DnrRule[], overflow: boolean) =>
      writeStored(platform, stored.appliedRules, { key, probeIds: probeIds(rules), overflow }),
  };
}
export type AppliedRules = ReturnType<typeof createAppliedRules>;
