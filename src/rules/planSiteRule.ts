import { err, ok, type Result } from '../result';
import type { SiteAction, SiteRule } from '../settings';
import { normalizeHost } from './host';
import {
  formatSitePattern,
  parseCanonicalPattern,
  parseSitePattern,
  parseStoredPattern,
  type SitePattern,
} from './pattern';
import { siteKey } from './siteKey';

/** What a one-click button does: the whole site through the VPN, direct, or asked. */
export type OneClickAction = SiteAction;

export interface SiteRulePlan {
  /** The rule list to store. */
  rules: SiteRule[];
  /** The rule written for the site (canonical pattern). */
  pattern: string;
  /** Rules that would have beaten the new one for this host with another action, now removed. */
  replaced: SiteRule[];
}

const parseStored = (text: string): SitePattern | null => {
  const canonical = parseCanonicalPattern(text);
  if (canonical) return canonical;
  const parsed = parseStoredPattern(text);
  return parsed.ok ? parsed.value : null;
};

const isUnder = (host: string, parent: string): boolean => host.endsWith(`.${parent}`);

/**
 * True when `rule` applies to `host` and `matchSiteRule` would prefer it to a plain `site` rule: it is anchored
 * between the host and the site (both included) and is more specific than the site's own `domain` rule.
 */
const outranksSiteRule = (rule: SitePattern, host: string, site: string): boolean => {
  const anchoredInSite = rule.host === site || isUnder(rule.host, site);
  if (!anchoredInSite) return false;
  if (rule.host === host) return rule.kind === 'exact' || (rule.kind === 'domain' && host !== site);
  // At a parent an exact rule does not apply; a domain rule outranks only below the site (at it, it is the same rule).
  if (rule.kind === 'exact' || !isUnder(host, rule.host)) return false;
  return rule.kind === 'subdomains' || rule.host !== site;
};

/**
 * The rule change behind "Disable VPN for this site" / "Always use VPN for this site" on a tab showing `host`:
 * one rule for the whole site (`siteKey`), replacing the site's previous rule and every more specific rule that
 * would still send this host the other way (`*.site → always` under a new `site → never`). Rules for other
 * hosts of the site stay: they are exceptions the user made on purpose. Afterwards `decideRoute(host)` follows
 * the button for any rule set, unless the host is one that is never routed (bypass beats every rule).
 */
export const planSiteRule = (
  rules: readonly SiteRule[],
  rawHost: string,
  action: OneClickAction,
): Result<SiteRulePlan> => {
  const host = normalizeHost(rawHost);
  const target = parseSitePattern(siteKey(host));
  if (!target.ok) return err(target.error);
  const site = target.value.host;
  const pattern = formatSitePattern(target.value);
  const kept: SiteRule[] = [];
  const replaced: SiteRule[] = [];
  for (const rule of rules) {
    const parsed = parseStored(rule.pattern);
    if (parsed && formatSitePattern(parsed) === pattern) continue;
    if (parsed && rule.action !== action && outranksSiteRule(parsed, host, site)) replaced.push(rule);
    else kept.push(rule);
  }
  return ok({ rules: [...kept, { pattern, action }], pattern, replaced });
};

/** Removes the site's own rule (the one the popup's buttons write), leaving every other rule. */
export const withoutSiteRule = (rules: readonly SiteRule[], rawHost: string): SiteRule[] => {
  const target = parseSitePattern(siteKey(rawHost));
  if (!target.ok) return [...rules];
  const pattern = formatSitePattern(target.value);
  return rules.filter((rule) => {
    const parsed = parseStored(rule.pattern);
    return !parsed || formatSitePattern(parsed) !== pattern;
  });
};

/** The site's own rule, if there is one. */
export const findSiteRule = (rules: readonly SiteRule[], rawHost: string): SiteRule | undefined => {
  const target = parseSitePattern(siteKey(rawHost));
  if (!target.ok) return undefined;
  const pattern = formatSitePattern(target.value);
  return rules.findLast((rule) => {
    const parsed = parseStored(rule.pattern);
    return parsed !== null && formatSitePattern(parsed) === pattern;
  });
};
