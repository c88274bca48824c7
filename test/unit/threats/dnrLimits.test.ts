import { describe, expect, it } from 'vitest';
import { dnrLimitsFrom } from '../../../src/threats';

describe('the rule budget a browser reports', () => {
  it.each([
    [
      'Chrome 121+',
      {
        MAX_NUMBER_OF_DYNAMIC_RULES: 30_000,
        MAX_NUMBER_OF_UNSAFE_DYNAMIC_RULES: 5_000,
        MAX_NUMBER_OF_REGEX_RULES: 1_000,
      },
      { maxRules: 30_000, maxUnsafeRules: 5_000, maxRegexRules: 1_000 },
    ],
    [
      'Firefox 128+ (no unsafe limit)',
      {
        MAX_NUMBER_OF_DYNAMIC_RULES: 5_000,
        MAX_NUMBER_OF_REGEX_RULES: 1_000,
        MAX_NUMBER_OF_DYNAMIC_AND_SESSION_RULES: 5_000,
      },
      { maxRules: 5_000, maxUnsafeRules: 5_000, maxRegexRules: 1_000 },
    ],
    [
      'Firefox with the pref raised',
      { MAX_NUMBER_OF_DYNAMIC_RULES: 40_000, MAX_NUMBER_OF_REGEX_RULES: 1_000 },
      { maxRules: 40_000, maxUnsafeRules: 40_000, maxRegexRules: 1_000 },
    ],
    [
      'Chrome 119 / Firefox 127 (shared dynamic and session limit)',
      { MAX_NUMBER_OF_DYNAMIC_AND_SESSION_RULES: 5_000, MAX_NUMBER_OF_REGEX_RULES: 1_000 },
      { maxRules: 5_000, maxUnsafeRules: 5_000, maxRegexRules: 1_000 },
    ],
    ['nothing reported', {}, { maxRules: 5_000, maxUnsafeRules: 5_000, maxRegexRules: 1_000 }],
    [
      'nonsense values',
      { MAX_NUMBER_OF_DYNAMIC_RULES: 'many', MAX_NUMBER_OF_REGEX_RULES: -1 },
      { maxRules: 5_000, maxUnsafeRules: 5_000, maxRegexRules: 1_000 },
    ],
  ])('%s', (_name, api, limits) => {
    expect(dnrLimitsFrom(api)).toEqual(limits);
  });
});
