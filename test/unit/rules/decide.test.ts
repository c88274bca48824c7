import { describe, expect, it } from 'vitest';
import { buildCategoryDb } from '../../../src/categories';
import { createAskAnswer, decideRoute, indexSiteRules, type RouteContext } from '../../../src/rules';
import { defaultSettings } from '../../../src/settings';

const now = 1_800_000_000_000;

const context: RouteContext = {
  vpnEnabled: false,
  bypassHosts: ['my.rampart.example'],
  siteRules: indexSiteRules([
    { pattern: 'always.test', action: 'always' },
    { pattern: 'never.test', action: 'never' },
    { pattern: 'ask.test', action: 'ask' },
    { pattern: 'answered.test', action: 'ask' },
    { pattern: 'shop.test', action: 'never' },
    { pattern: 'rampart.example', action: 'always' },
    { pattern: '192.168.1.1', action: 'always' },
  ]),
  categories: buildCategoryDb({
    banks: 'bank.test\ntesco.test\n',
    shopping: 'shop.test\ntesco.test\nmall.test\n',
    social: 'friends.test\n',
    games: 'sub.mall.test\n',
  }),
  categoryActions: { ...defaultSettings.categoryActions, banks: 'enable', shopping: 'ask', social: 'never' },
  askAnswers: { 'answered.test': createAskAnswer('direct', false, now) },
  now,
};

describe('decideRoute', () => {
  it.each([
    [
      'my.rampart.example',
      { route: 'direct', reason: 'bypass', effective: 'direct', bypass: 'accountService' },
    ],
    ['192.168.1.1', { route: 'direct', reason: 'bypass', effective: 'direct', bypass: 'private' }],
    [
      'api.rampart.example',
      { route: 'vpn', reason: 'siteRule', effective: 'vpn', pattern: 'rampart.example' },
    ],
    ['www.always.test', { route: 'vpn', reason: 'siteRule', effective: 'vpn', pattern: 'always.test' }],
    ['never.test', { route: 'direct', reason: 'siteRule', effective: 'direct', pattern: 'never.test' }],
    ['ask.test', { route: 'ask', reason: 'siteRule', effective: 'direct', pattern: 'ask.test' }],
    [
      'www.answered.test',
      { route: 'direct', reason: 'siteRule', effective: 'direct', pattern: 'answered.test', answered: true },
    ],
    ['shop.test', { route: 'direct', reason: 'siteRule', effective: 'direct', pattern: 'shop.test' }],
    [
      'online.bank.test',
      { route: 'vpn', reason: 'category', effective: 'vpn', category: 'banks', categoryDomain: 'bank.test' },
    ],
    [
      'tesco.test',
      { route: 'vpn', reason: 'category', effective: 'vpn', category: 'banks', categoryDomain: 'tesco.test' },
    ],
    [
      'mall.test',
      {
        route: 'ask',
        reason: 'category',
        effective: 'direct',
        category: 'shopping',
        categoryDomain: 'mall.test',
      },
    ],
    [
      'x.sub.mall.test',
      {
        route: 'ask',
        reason: 'category',
        effective: 'direct',
        category: 'shopping',
        categoryDomain: 'mall.test',
      },
    ],
    [
      'friends.test',
      {
        route: 'direct',
        reason: 'category',
        effective: 'direct',
        category: 'social',
        categoryDomain: 'friends.test',
      },
    ],
    ['example.com', { route: 'direct', reason: 'global', effective: 'direct' }],
  ])('%j → %j', (host, expected) => {
    expect(decideRoute(host, context)).toEqual(expected);
  });

  it('falls back to the global state when VPN is on', () => {
    const on = { ...context, vpnEnabled: true };
    expect(decideRoute('example.com', on)).toEqual({ route: 'vpn', reason: 'global', effective: 'vpn' });
    expect(decideRoute('ask.test', on)).toMatchObject({ route: 'ask', effective: 'vpn' });
    expect(decideRoute('localhost', on)).toMatchObject({ route: 'direct', bypass: 'localhost' });
  });

  it('forgets an unremembered answer after an hour', () => {
    expect(decideRoute('answered.test', { ...context, now: now + 3_600_000 })).toMatchObject({
      route: 'ask',
    });
  });

  it('uses a remembered answer for a category ask', () => {
    const answered = { ...context, askAnswers: { 'mall.test': createAskAnswer('vpn', true, now) } };
    expect(decideRoute('mall.test', answered)).toMatchObject({
      route: 'vpn',
      answered: true,
      category: 'shopping',
    });
  });

  it('lets an ignored category fall through to a less specific listed domain', () => {
    const gamesOnly = {
      ...context,
      categoryActions: { ...context.categoryActions, games: 'enable' as const },
    };
    expect(decideRoute('x.sub.mall.test', gamesOnly)).toMatchObject({ route: 'vpn', category: 'games' });
  });
});
