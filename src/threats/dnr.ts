import { DNR_RESOURCE_TYPES, CHROME_DNR_LIMITS, type DnrLimits, type DnrRule } from './dnrTypes';
import { ALLOW_RULE_ID, FIRST_DOMAIN_RULE_ID, FIRST_URL_RULE_ID, urlRuleIds } from './ruleIds';
import type { ThreatSnapshot } from './snapshot';
import { byValue } from './snapshot';
import { urlFilterFor } from './urlFilter';

export interface DnrOptions {
  /** The warning page, e.g. chrome-extension://<id>/warning/index.html (must be web accessible). */
  warningPageUrl: string;
  /** Hosts the user allowed for good or for now (proceed); they and their subdomains are never blocked. */
  allowHosts?: readonly string[];
  limits?: DnrLimits;
  /** Splits the domain list over several rule pairs; by default one redirect and one block rule hold all. */
  maxDomainsPerRule?: number;
}

export interface DnrCompilation {
  rules: DnrRule[];
  /** URL entries that did not fit the rule budget; only the navigation check (createMatcher) covers them. */
  overflow: string[];
}

export const THREAT_RULE_PRIORITY = 1;
export const ALLOW_RULE_PRIORITY = 2;
const MAX_DOMAIN_RULE_PAIRS = (FIRST_URL_RULE_ID - FIRST_DOMAIN_RULE_ID) / 2;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/**
 * The redirect rule sends a main-frame navigation to the warning page before any request leaves, carrying
 * the original URL verbatim after "?url=" (the page must read everything after it, not URLSearchParams:
 * the URL keeps its own '?', '&' and '#').
 */
function domainRules(domains: readonly string[], options: DnrOptions, limits: DnrLimits): DnrRule[] {
  if (domains.length === 0) return [];
  const size = Math.max(
    options.maxDomainsPerRule ?? domains.length,
    Math.ceil(domains.length / Math.min(MAX_DOMAIN_RULE_PAIRS, limits.maxUnsafeRules, limits.maxRegexRules)),
  );
  return chunks(domains, size).flatMap((requestDomains, index): DnrRule[] => [
    {
      id: FIRST_DOMAIN_RULE_ID + 2 * index,
      priority: THREAT_RULE_PRIORITY,
      action: { type: 'redirect', redirect: { regexSubstitution: `${options.warningPageUrl}?url=\\0` } },
      condition: { regexFilter: '^.*$', requestDomains, resourceTypes: ['main_frame'] },
    },
    {
      id: FIRST_DOMAIN_RULE_ID + 2 * index + 1,
      priority: THREAT_RULE_PRIORITY,
      action: { type: 'block' },
      condition: { requestDomains, excludedResourceTypes: ['main_frame'] },
    },
  ]);
}

/**
 * Compiles a snapshot into dynamic rules:
 * - listed domains: one main-frame redirect rule (regex, "unsafe") and one block rule for every other
 *   resource type, both with the whole list in requestDomains;
 * - URL entries: one block rule each (urlFilter, "safe"), for all resource types. A blocked main frame
 *   shows the browser's error page; the background turns that into the warning page using createMatcher;
 * - allowed hosts: one allow rule of higher priority.
 * Ids are deterministic: 1 allow, 10+ domain rules, 1000+ URL rules keyed by entry (see ruleIds.ts).
 * Rules: 1 + 2 + URLs (≤ limits.maxRules); redirect/regex rules: 1 per domain chunk.
 */
export function compileDnrRules(snapshot: ThreatSnapshot, options: DnrOptions): DnrCompilation {
  const limits = options.limits ?? CHROME_DNR_LIMITS;
  const rules: DnrRule[] = [];
  const allowHosts = [...new Set(options.allowHosts ?? [])].filter((host) => host !== '').sort(byValue);
  if (allowHosts.length > 0) {
    rules.push({
      id: ALLOW_RULE_ID,
      priority: ALLOW_RULE_PRIORITY,
      action: { type: 'allow' },
      condition: { requestDomains: allowHosts, resourceTypes: [...DNR_RESOURCE_TYPES] },
    });
  }
  rules.push(...domainRules(snapshot.domains, options, limits));

  const budget = Math.max(0, limits.maxRules - rules.length);
  const compiled = snapshot.urls.slice(0, budget);
  const ids = urlRuleIds(compiled);
  compiled.forEach((expression, index) => {
    rules.push({
      id: ids[index] as number,
      priority: THREAT_RULE_PRIORITY,
      action: { type: 'block' },
      condition: { ...urlFilterFor(expression), resourceTypes: [...DNR_RESOURCE_TYPES] },
    });
  });
  return { rules, overflow: snapshot.urls.slice(budget) };
}
