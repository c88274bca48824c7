export { normalizeHost, parseIPv4, parseIPv6, isIpLiteral } from './host';
export { bypassReason, type BypassReason } from './bypass';
export { parseSitePattern, formatSitePattern, type SitePattern, type PatternKind } from './pattern';
export { patternErrorKeys, type PatternErrorCode } from './patternErrors';
export { indexSiteRules, matchSiteRule, type SiteRuleIndex, type SiteRuleEntry, type RuleHit } from './siteRuleIndex';
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
export { decideRoute, type RouteContext, type RouteDecision } from './decide';
