import { describe, expect, it } from 'vitest';
import { pageOf } from '../../../src/paging';
import { filterRules, ruleQuery, sortRules } from '../../../src/rules';
import type { SiteRule } from '../../../src/settings';

const rule = (pattern: string, action: SiteRule['action'] = 'always'): SiteRule => ({ pattern, action });

describe('sortRules', () => {
  it('orders by host, the bare pattern before its subdomain-only and exact-host forms', () => {
    const sorted = sortRules(
      ['=www.b.test', 'zeta.test', '*.b.test', 'b.test', 'a.test', '10.0.0.1', 'www.b.test'].map((p) =>
        rule(p),
      ),
    );
    expect(sorted.map((r) => r.pattern)).toEqual([
      '10.0.0.1',
      'a.test',
      'b.test',
      '*.b.test',
      'www.b.test',
      '=www.b.test',
      'zeta.test',
    ]);
  });

  it('leaves its input as it was', () => {
    const rules = [rule('b.test'), rule('a.test')];
    sortRules(rules);
    expect(rules.map((r) => r.pattern)).toEqual(['b.test', 'a.test']);
  });
});

describe('filterRules', () => {
  const rules = ['bank.example', '*.shop.test', '=www.bank.test', 'news.org'].map((p) => rule(p));

  it.each([
    ['', ['bank.example', '*.shop.test', '=www.bank.test', 'news.org']],
    ['  ', ['bank.example', '*.shop.test', '=www.bank.test', 'news.org']],
    ['bank', ['bank.example', '=www.bank.test']],
    [' BANK ', ['bank.example', '=www.bank.test']],
    ['.test', ['*.shop.test', '=www.bank.test']],
    ['*.shop', ['*.shop.test']],
    ['nothing', []],
  ])('"%s" keeps %j', (typed, expected) => {
    expect(filterRules(rules, ruleQuery(typed)).map((r) => r.pattern)).toEqual(expected);
  });
});

describe('5,000 rules: sort once, then filter and page as the user types', () => {
  const many = Array.from({ length: 5000 }, (_, i) => rule(`site-${String(i).padStart(4, '0')}.example`));

  it('a query for one host leaves one rule on one page', () => {
    const page = pageOf(filterRules(sortRules(many), ruleQuery('site-4321')), 0, 50);
    expect(page.items.map((r) => r.pattern)).toEqual(['site-4321.example']);
    expect([page.from, page.to, page.total, page.count]).toEqual([1, 1, 1, 1]);
  });

  it('a broad query is paged 50 at a time with the count of all matches', () => {
    const page = pageOf(filterRules(sortRules(many), ruleQuery('site-1')), 2, 50);
    expect([page.from, page.to, page.total, page.count]).toEqual([101, 150, 1000, 20]);
    expect(page.items[0]?.pattern).toBe('site-1100.example');
  });
});
