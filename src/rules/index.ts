/**
 * The routing decision, shared by Firefox (`proxy.onRequest` calls `decideRoute`) and Chrome (src/pac compiles
 * the same inputs into a PAC). Order: bypass → most specific site rule → category rule → global VPN state.
 * - Patterns: `example.com` = the host and its subdomains; `=example.com` = that host only; `*.example.com` (or
 *   `.example.com`) = subdomains only. IP addresses match themselves only. IDN is stored in punycode; a pasted
 *   URL keeps only its host.
 * - Never routed: the account service's hosts, localhost and `*.localhost`, loopback, RFC 1918, link-local,
 *   ULA, unspecified addresses, `*.local`, and single-label names (intranet names a gateway cannot resolve).
 *   The options page refuses a rule that could only match such hosts (`unroutableRuleError`).
 * - "This site" is `siteKey` (registrable domain, PSL private section included); the popup's buttons write
 *   through `planSiteRule`, which also removes more specific rules that would keep the tab's host the other way.
 * - "Ask": the decision is `ask` (the request meanwhile follows the global state) until the user answers; an
 *   answer covers the site (`askSiteKey`) and lasts an hour unless remembered.
 * Build the `SiteRuleIndex` once per settings change with `indexSiteRules`, not per request.
 */
export { normalizeHost, parseIPv4, parseIPv6, isIpLiteral } from './host';
export { bypassReason, type BypassReason } from './bypass';
export {
  parseSitePattern,
  parseStoredPattern,
  parseCanonicalPattern,
  formatSitePattern,
  type SitePattern,
  type PatternKind,
} from './pattern';
export { patternErrorKeys, type PatternErrorCode } from './patternErrors';
export {
  indexSiteRules,
  matchSiteRule,
  type SiteRuleIndex,
  type SiteRuleEntry,
  type RuleHit,
} from './siteRuleIndex';
export {
  ASK_ANSWER_TTL_MS,
  askSiteKey,
  createAskAnswer,
  findAskAnswer,
  nextAskExpiry,
  pruneAskAnswers,
  rememberAskAnswer,
  type AskAnswer,
  type AskAnswers,
  type Route,
} from './askAnswers';
export { siteKey } from './siteKey';
export { unroutableRuleError, parseRulePattern } from './routable';
export {
  planSiteRule,
  withoutSiteRule,
  findSiteRule,
  type OneClickAction,
  type SiteRulePlan,
} from './planSiteRule';
export { decideRoute, type RouteContext, type RouteDecision } from './decide';
export { sortRules, filterRules, ruleQuery } from './ruleList';
