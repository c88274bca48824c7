import type { AppError } from '../result';
import type { SiteAction, SiteRule } from '../settings';
import { isIpLiteral, normalizeHost } from './host';
import { formatSitePattern, parseCanonicalPattern, parseStoredPattern, type PatternKind } from './pattern';

export interface RuleHit {
  action: SiteAction;
  /** The rule's canonical pattern, to show the user which rule decided. */
  pattern: string;
}

/** The rules anchored at one host, one slot per kind. */
export type SiteRuleEntry = Partial<Record<PatternKind, RuleHit>>;

export interface SiteRuleIndex {
  readonly entries: ReadonlyMap<string, SiteRuleEntry>;
  /** Stored rules that no longer parse (settings written by an older version): ignored, reported for the UI. */
  readonly invalid: readonly { rule: SiteRule; error: AppError }[];
}

/**
 * Indexes rules by their anchor host so a lookup costs one map probe per label of the host, whatever the number
 * of rules. When two rules have the same pattern, the later one wins (it is the one the user added last).
 */
export const indexSiteRules = (rules: readonly SiteRule[]): SiteRuleIndex => {
  const entries = new Map<string, SiteRuleEntry>();
  const invalid: { rule: SiteRule; error: AppError }[] = [];
  for (const rule of rules) {
    // Stored patterns are nearly always canonical already, and then they are their own display text.
    let pattern = parseCanonicalPattern(rule.pattern);
    let text = rule.pattern;
    if (!pattern) {
      const parsed = parseStoredPattern(rule.pattern);
      if (!parsed.ok) {
        invalid.push({ rule, error: parsed.error });
        continue;
      }
      pattern = parsed.value;
      text = formatSitePattern(pattern);
    }
    let entry = entries.get(pattern.host);
    if (!entry) {
      entry = {};
      entries.set(pattern.host, entry);
    }
    entry[pattern.kind] = { action: rule.action, pattern: text };
  }
  return { entries, invalid };
};

/**
 * The most specific rule for a host. Walking from the full host towards the top-level domain, the first anchor
 * with an applicable rule wins; at the full host an `exact` rule beats a `domain` rule, at a parent a
 * `subdomains` rule beats a `domain` rule (both say more about this host than the plain domain rule does).
 */
export const matchSiteRule = (index: SiteRuleIndex, rawHost: string): RuleHit | undefined => {
  const host = normalizeHost(rawHost);
  const own = index.entries.get(host);
  const first = own?.exact ?? own?.domain;
  if (first || isIpLiteral(host)) return first;
  for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
    const entry = index.entries.get(host.slice(dot + 1));
    const hit = entry?.subdomains ?? entry?.domain;
    if (hit) return hit;
  }
  return undefined;
};
