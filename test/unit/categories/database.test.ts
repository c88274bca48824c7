import { describe, expect, it } from 'vitest';
import { activeCategory, buildCategoryDb, lookupCategories, parseDomainList } from '../../../src/categories';
import { defaultSettings } from '../../../src/settings';

describe('parseDomainList', () => {
  it('keeps multi-label domain names, lowercased, and drops the rest', () => {
    const text = [
      '# comment',
      '',
      '  Shop.Example.COM  ',
      'example.org.',
      'a_b.tripod.com',
      'xn--80aafsqmek2ak.xn--80asehdb',
      '1.2.3.4',
      'com',
      '-bad.com',
      'bad-.com',
      'sp ace.com',
      'a..b.com',
      `${'a'.repeat(64)}.com`,
    ].join('\r\n');
    expect(parseDomainList(text)).toEqual([
      'shop.example.com',
      'example.org',
      'a_b.tripod.com',
      'xn--80aafsqmek2ak.xn--80asehdb',
    ]);
  });
});

describe('category lookup', () => {
  const db = buildCategoryDb({
    banks: 'bank.test\ntesco.test\n',
    shopping: 'tesco.test\nmall.test\n',
    games: 'play.mall.test\n',
  });

  it.each([
    ['bank.test', { domain: 'bank.test', categories: ['banks'] }],
    ['online.bank.test', { domain: 'bank.test', categories: ['banks'] }],
    ['tesco.test', { domain: 'tesco.test', categories: ['banks', 'shopping'] }],
    ['x.play.mall.test', { domain: 'play.mall.test', categories: ['games'] }],
    ['mall.test', { domain: 'mall.test', categories: ['shopping'] }],
    ['notbank.test', null],
    ['test', null],
    ['1.2.3.4', null],
    ['2001:db8::1', null],
  ])('%j → %j', (host, expected) => {
    expect(lookupCategories(db, host)).toEqual(expected);
  });

  it('picks the first category whose action is not ignore, most specific domain first', () => {
    const actions = { ...defaultSettings.categoryActions };
    expect(activeCategory(db, 'tesco.test', actions)).toBeNull();
    expect(activeCategory(db, 'tesco.test', { ...actions, shopping: 'ask' })).toEqual({
      domain: 'tesco.test',
      category: 'shopping',
      action: 'ask',
    });
    expect(activeCategory(db, 'tesco.test', { ...actions, shopping: 'ask', banks: 'never' })).toEqual({
      domain: 'tesco.test',
      category: 'banks',
      action: 'never',
    });
    expect(activeCategory(db, 'a.play.mall.test', { ...actions, shopping: 'enable' })).toEqual({
      domain: 'mall.test',
      category: 'shopping',
      action: 'enable',
    });
    expect(
      activeCategory(db, 'a.play.mall.test', { ...actions, shopping: 'enable', games: 'never' }),
    ).toEqual({
      domain: 'play.mall.test',
      category: 'games',
      action: 'never',
    });
  });
});
