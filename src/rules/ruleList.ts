import type { SiteRule } from '../settings';

/** The host a pattern names, without its `*.` / `.` / `=` marker: what the list sorts and searches by. */
const hostOf = (pattern: string): string => pattern.replace(/^(\*\.|\.|=)/, '');

/**
 * Site rules in the order the options page lists them: by host, then by pattern (`example.com` before
 * `*.example.com` and `=example.com`), so a rule is found where a reader looks for it among thousands.
 */
export function sortRules(rules: readonly SiteRule[]): SiteRule[] {
  const keyed = rules.map((rule) => ({ rule, host: hostOf(rule.pattern), form: formRank(rule.pattern) }));
  keyed.sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : a.form - b.form));
  return keyed.map((k) => k.rule);
}

/** Bare pattern, then subdomains only, then the exact host. */
const formRank = (pattern: string): number => (pattern.startsWith('=') ? 2 : /^[*.]/.test(pattern) ? 1 : 0);

/** What the search box holds, as the list compares it: trimmed and lower-cased (patterns are stored so). */
export const ruleQuery = (typed: string): string => typed.trim().toLowerCase();

/** The rules whose pattern contains `query` (from `ruleQuery`); all of them for an empty query. */
export function filterRules(rules: readonly SiteRule[], query: string): readonly SiteRule[] {
  return query === '' ? rules : rules.filter((rule) => rule.pattern.includes(query));
}
