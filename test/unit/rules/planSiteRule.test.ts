import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCategoryDb } from '../../../src/categories';
import {
  decideRoute,
  findSiteRule,
  indexSiteRules,
  planSiteRule,
  withoutSiteRule,
  type RouteContext,
} from '../../../src/rules';
import {
  categoryActions,
  categoryIds,
  siteActions,
  type SiteRule,
} from '../../../src/settings';

const now = 1_800_000_000_000;

const plan = (rules: SiteRule[], host: string, action: 'always' | 'never' | 'ask') => {
  const result = planSiteRule(rules, host, action);
  if (!result.ok) throw new Error(`no plan for ${host}`);
  return result.value;
};

describe('planSiteRule', () => {
  it.each<[string, SiteRule[], string, 'always' | 'never', SiteRule[], SiteRule[]]>([
    [
      'no rule yet: one rule for the whole site',
      [],
      'www.news.test',
      'never',
      [{ pattern: 'news.test', action: 'never' }],
      [],
    ],
    [
      'shared hosting: the customer site, not the hosting domain',
      [],
      'www.alice.github.io',
      'never',
      [{ pattern: 'alice.github.io', action: 'never' }],
      [],
    ],
    [
      'the site rule is replaced in place of being duplicated',
      [{ pattern: 'news.test', action: 'always' }],
      'news.test',
      'never',
      [{ pattern: 'news.test', action: 'never' }],
      [],
    ],
    [
      'a subdomains rule at the site that would still win is removed',
      [{ pattern: '*.sticky.test', action: 'always' }],
      'www.sticky.test',
      'never',
      [{ pattern: 'sticky.test', action: 'never' }],
      [{ pattern: '*.sticky.test', action: 'always' }],
    ],
    [
      'an exact rule for the host, and a domain rule between host and site, are removed',
      [
        { pattern: '=a.b.site.test', action: 'never' },
        { pattern: 'b.site.test', action: 'ask' },
        { pattern: 'other.site.test', action: 'never' },
      ],
      'a.b.site.test',
      'always',
      [
        { pattern: 'other.site.test', action: 'never' },
        { pattern: 'site.test', action: 'always' },
      ],
      [
        { pattern: '=a.b.site.test', action: 'never' },
        { pattern: 'b.site.test', action: 'ask' },
      ],
    ],
    [
      'a more specific rule that already agrees stays',
      [{ pattern: '*.sticky.test', action: 'never' }],
      'www.sticky.test',
      'never',
      [
        { pattern: '*.sticky.test', action: 'never' },
        { pattern: 'sticky.test', action: 'never' },
      ],
      [],
    ],
    [
      'rules above the site lose anyway and stay',
      [
        { pattern: '*.github.io', action: 'always' },
        { pattern: 'github.io', action: 'always' },
      ],
      'alice.github.io',
      'never',
      [
        { pattern: '*.github.io', action: 'always' },
        { pattern: 'github.io', action: 'always' },
        { pattern: 'alice.github.io', action: 'never' },
      ],
      [],
    ],
    [
      'an exact rule at a parent does not apply to the host and stays',
      [{ pattern: '=b.site.test', action: 'never' }],
      'a.b.site.test',
      'always',
      [
        { pattern: '=b.site.test', action: 'never' },
        { pattern: 'site.test', action: 'always' },
      ],
      [],
    ],
    [
      'an exact rule at the site is removed when the tab shows the site itself',
      [{ pattern: '=sticky.test', action: 'always' }],
      'Sticky.Test.',
      'never',
      [{ pattern: 'sticky.test', action: 'never' }],
      [{ pattern: '=sticky.test', action: 'always' }],
    ],
    [
      'a stored non-canonical spelling of the site rule is the same rule',
      [{ pattern: 'NEWS.test.', action: 'always' }],
      'news.test',
      'never',
      [{ pattern: 'news.test', action: 'never' }],
      [],
    ],
    [
      'an IP address is its own site',
      [{ pattern: '8.8.8.8', action: 'always' }],
      '8.8.8.8',
      'never',
      [{ pattern: '8.8.8.8', action: 'never' }],
      [],
    ],
    [
      'an IPv6 address too',
      [],
      '[2001:DB8::1]',
      'always',
      [{ pattern: '[2001:db8::1]', action: 'always' }],
      [],
    ],
  ])('%s', (_, rules, host, action, expected, replaced) => {
    const result = plan(rules, host, action);
    expect(result.rules).toEqual(expected);
    expect(result.replaced).toEqual(replaced);
  });

  it('clearing removes only the site rule, whatever its stored spelling', () => {
    const rules = [
      { pattern: 'NEWS.test', action: 'never' as const },
      { pattern: '*.news.test', action: 'always' as const },
    ];
    expect(withoutSiteRule(rules, 'www.news.test')).toEqual([{ pattern: '*.news.test', action: 'always' }]);
    expect(findSiteRule(rules, 'www.news.test')).toEqual({ pattern: 'NEWS.test', action: 'never' });
    expect(findSiteRule(rules, 'www.other.test')).toBeUndefined();
  });
});

// A small alphabet so that rules, categories, answers and the host collide often, including the PSL's private
// section (github.io) and ICANN suffixes (co.uk).
const label = fc.constantFrom('a', 'b', 'www', 'x-y', 'github', 'io', 'co', 'uk', 'test', 'com', '__proto__');
const domain = fc.array(label, { minLength: 1, maxLength: 5 }).map((labels) => labels.join('.'));
const ipv4 = fc
  .tuple(fc.constantFrom(8, 10, 127, 198), fc.integer({ min: 0, max: 255 }))
  .map(([a, b]) => `${a}.51.${b}.7`);
const host = fc.oneof({ weight: 8, arbitrary: domain }, { weight: 1, arbitrary: ipv4 });
const rule = fc.record({
  pattern: fc.tuple(fc.constantFrom('', '=', '*.', '.'), host, fc.boolean()).map(([prefix, h, upper]) => {
    const text = prefix + h;
    return upper ? text.toUpperCase() : text;
  }),
  action: fc.constantFrom(...siteActions),
});
const context = fc.record({
  vpnEnabled: fc.boolean(),
  rules: fc.array(rule, { maxLength: 20 }),
  lists: fc.array(fc.tuple(fc.constantFrom(...categoryIds), fc.array(domain, { maxLength: 6 })), {
    maxLength: 4,
  }),
  actions: fc.tuple(...categoryIds.map(() => fc.constantFrom(...categoryActions))),
  answers: fc.array(fc.tuple(host, fc.constantFrom('vpn' as const, 'direct' as const)), { maxLength: 4 }),
});

describe('planSiteRule against decideRoute', () => {
  it('after the planned change, the tab host goes the way the button says, for any rule set', () => {
    fc.assert(
      fc.property(
        context,
        host,
        fc.constantFrom('always' as const, 'never' as const),
        (generated, tabHost, action) => {
          const lists: Record<string, string> = {};
          for (const [id, domains] of generated.lists)
            lists[id] = `${lists[id] ?? ''}${domains.join('\n')}\n`;
          const routeContext = (rules: readonly SiteRule[]): RouteContext => ({
            vpnEnabled: generated.vpnEnabled,
            bypassHosts: [],
            siteRules: indexSiteRules(rules),
            categories: buildCategoryDb(lists),
            categoryActions: Object.fromEntries(
              categoryIds.map((id, i) => [id, generated.actions[i]]),
            ) as RouteContext['categoryActions'],
            askAnswers: Object.fromEntries(
              generated.answers.map(([key, route]) => [key, { route, expiresAt: null }]),
            ),
            now,
          });
          const planned = plan(generated.rules, tabHost, action);
          const decision = decideRoute(tabHost, routeContext(planned.rules));
          if (decision.reason === 'bypass') return;
          expect(decision.route, tabHost).toBe(action === 'always' ? 'vpn' : 'direct');
          // Nothing else changes: the plan only removes rules, and only ones that applied to the host.
          for (const kept of planned.rules.slice(0, -1)) expect(generated.rules).toContain(kept);
          for (const removed of planned.replaced) {
            expect(decideRoute(tabHost, routeContext([removed])).reason).toBe('siteRule');
            expect(removed.action).not.toBe(action);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
