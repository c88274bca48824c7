import { describe, expect, it } from 'vitest';
import { indexSiteRules, matchSiteRule } from '../../../src/rules';
import type { SiteRule } from '../../../src/settings';

const rules: SiteRule[] = [
  { pattern: 'example.com', action: 'always' },
  { pattern: '=example.com', action: 'never' },
  { pattern: '*.example.com', action: 'ask' },
  { pattern: 'deep.sub.example.com', action: 'never' },
  { pattern: '*.wild.test', action: 'always' },
  { pattern: '=only.test', action: 'always' },
  { pattern: 'ru', action: 'always' },
  { pattern: 'пример.рф', action: 'never' },
  { pattern: '8.8.8.8', action: 'always' },
  { pattern: '[2001:db8::1]', action: 'never' },
  { pattern: 'not valid!', action: 'always' },
];

describe('matchSiteRule', () => {
  const index = indexSiteRules(rules);

  it.each([
    ['example.com', 'never', '=example.com'],
    ['EXAMPLE.COM.', 'never', '=example.com'],
    ['www.example.com', 'ask', '*.example.com'],
    ['sub.example.com', 'ask', '*.example.com'],
    ['deep.sub.example.com', 'never', 'deep.sub.example.com'],
    ['x.deep.sub.example.com', 'never', 'deep.sub.example.com'],
    ['a.wild.test', 'always', '*.wild.test'],
    ['a.b.wild.test', 'always', '*.wild.test'],
    ['only.test', 'always', '=only.test'],
    ['yandex.ru', 'always', 'ru'],
    ['xn--e1afmkfd.xn--p1ai', 'never', 'xn--e1afmkfd.xn--p1ai'],
    ['www.xn--e1afmkfd.xn--p1ai', 'never', 'xn--e1afmkfd.xn--p1ai'],
    ['8.8.8.8', 'always', '8.8.8.8'],
    ['2001:db8::1', 'never', '[2001:db8::1]'],
    ['[2001:db8::1]', 'never', '[2001:db8::1]'],
  ])('%j → %s by %s', (host, action, pattern) => {
    expect(matchSiteRule(index, host)).toEqual({ action, pattern });
  });

  it.each(['wild.test', 'www.only.test', 'example.org', 'notexample.com', 'ru.com', '1.8.8.8.8', '4.8.8.8'])(
    '%j has no rule',
    (host) => {
      expect(matchSiteRule(index, host)).toBeUndefined();
    },
  );

  it('reports rules that do not parse and ignores them', () => {
    expect(index.invalid).toEqual([
      {
        rule: { pattern: 'not valid!', action: 'always' },
        error: { code: 'pattern_space', messageKey: 'patternErrorSpace' },
      },
    ]);
  });

  it('lets the later of two identical patterns win', () => {
    const later = indexSiteRules([
      { pattern: 'a.test', action: 'always' },
      { pattern: 'A.TEST.', action: 'never' },
    ]);
    expect(matchSiteRule(later, 'www.a.test')).toEqual({ action: 'never', pattern: 'a.test' });
  });

  it('prefers a domain rule at the host to a subdomains rule on its parent', () => {
    const nested = indexSiteRules([
      { pattern: '*.a.test', action: 'never' },
      { pattern: 'b.a.test', action: 'always' },
    ]);
    expect(matchSiteRule(nested, 'b.a.test')?.action).toBe('always');
    expect(matchSiteRule(nested, 'c.b.a.test')?.action).toBe('always');
    expect(matchSiteRule(nested, 'c.a.test')?.action).toBe('never');
  });
});
