import type { DnrLimits } from './dnrTypes';

/** What every browser with declarativeNetRequest allows at least (Chrome before 120, Firefox before 128). */
const FALLBACK_DYNAMIC_RULES = 5_000;
const FALLBACK_REGEX_RULES = 1_000;

const count = (api: Readonly<Record<string, unknown>>, name: string): number | undefined => {
  const value = api[name];
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
};

/**
 * The dynamic-rule budget the running browser reports through declarativeNetRequest's constants:
 * MAX_NUMBER_OF_DYNAMIC_RULES (Chrome 120+: 30,000; Firefox 128+: 5,000 by default, the pref
 * `extensions.dnr.max_number_of_dynamic_rules`), else the older shared MAX_NUMBER_OF_DYNAMIC_AND_SESSION_RULES.
 * Firefox has no separate "unsafe" (redirect) limit: there, every rule may be one.
 */
export function dnrLimitsFrom(api: Readonly<Record<string, unknown>>): DnrLimits {
  const maxRules =
    count(api, 'MAX_NUMBER_OF_DYNAMIC_RULES') ??
    count(api, 'MAX_NUMBER_OF_DYNAMIC_AND_SESSION_RULES') ??
    FALLBACK_DYNAMIC_RULES;
  return {
    maxRules,
    maxUnsafeRules: Math.min(maxRules, count(api, 'MAX_NUMBER_OF_UNSAFE_DYNAMIC_RULES') ?? maxRules),
    maxRegexRules: count(api, 'MAX_NUMBER_OF_REGEX_RULES') ?? FALLBACK_REGEX_RULES,
  };
}
