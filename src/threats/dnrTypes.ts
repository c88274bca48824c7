// The slice of chrome.declarativeNetRequest's types that threat rules use, declared here so src/ needs no
// browser typings. Field names and values are exactly the API's.

/** Resource types both Chrome and Firefox accept (Chrome's webtransport/webbundle are left out for Firefox). */
export const DNR_RESOURCE_TYPES = [
  'main_frame',
  'sub_frame',
  'stylesheet',
  'script',
  'image',
  'font',
  'object',
  'xmlhttprequest',
  'ping',
  'csp_report',
  'media',
  'websocket',
  'other',
] as const;
export type DnrResourceType = (typeof DNR_RESOURCE_TYPES)[number];

export type DnrAction =
  { type: 'block' } | { type: 'allow' } | { type: 'redirect'; redirect: { regexSubstitution: string } };

export interface DnrCondition {
  requestDomains?: string[];
  urlFilter?: string;
  regexFilter?: string;
  resourceTypes?: DnrResourceType[];
  excludedResourceTypes?: DnrResourceType[];
}

export interface DnrRule {
  id: number;
  priority: number;
  action: DnrAction;
  condition: DnrCondition;
}

export interface DnrLimits {
  /** MAX_NUMBER_OF_DYNAMIC_RULES: dynamic rules in all ("safe" ones: block, allow…). */
  maxRules: number;
  /** MAX_NUMBER_OF_UNSAFE_DYNAMIC_RULES: redirect and modifyHeaders rules. */
  maxUnsafeRules: number;
  /** MAX_NUMBER_OF_REGEX_RULES: rules with a regexFilter. */
  maxRegexRules: number;
}

/**
 * Chrome 121+ (the 30,000 dynamic-rule limit; 5,000 of them "unsafe"; 1,000 regex): the static ruleset's
 * budget at build time. The background passes what the running browser reports (dnrLimitsFrom).
 */
export const CHROME_DNR_LIMITS: DnrLimits = { maxRules: 30_000, maxUnsafeRules: 5_000, maxRegexRules: 1_000 };
