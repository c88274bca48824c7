import { describe, expect, it } from 'vitest';
import { buildCategoryDb } from '../../../src/categories';
import { compilePac, type PacInput } from '../../../src/pac';
import { createAskAnswer, decideRoute, indexSiteRules } from '../../../src/rules';
import { defaultSettings } from '../../../src/settings';
import { loadPac, pacAndDecision } from './evalPac';

const now = 1_800_000_000_000;
const GW = 'HTTPS gw.rampart.example:443';

const base: PacInput = {
  vpnEnabled: false,
  killSwitch: false,
  gateway: { scheme: 'HTTPS', host: 'gw.rampart.example', port: 443 },
  bypassHosts: ['my.rampart.example'],
  siteRules: indexSiteRules([
    { pattern: 'always.test', action: 'always' },
    { pattern: '=exact.test', action: 'always' },
    { pattern: 'exact.test', action: 'never' },
    { pattern: '*.wild.test', action: 'always' },
    { pattern: 'never.test', action: 'never' },
    { pattern: 'vpn.never.test', action: 'always' },
    { pattern: 'ask.test', action: 'ask' },
    { pattern: 'answered.test', action: 'ask' },
    { pattern: 'expired.test', action: 'ask' },
    { pattern: 'Пример.рф', action: 'always' },
    { pattern: '8.8.8.8', action: 'always' },
    { pattern: '[2001:db8::1]', action: 'always' },
    { pattern: '10.1.2.3', action: 'always' },
    { pattern: 'localhost', action: 'always' },
    { pattern: 'my.rampart.example', action: 'always' },
    { pattern: 'shop.test', action: 'never' },
    { pattern: 'ru', action: 'always' },
    { pattern: '__proto__', action: 'always' },
  ]),
  categories: buildCategoryDb({
    banks: 'bank.test\ntesco.test\n',
    payments: 'pay.test\n',
    shopping: 'shop.test\ntesco.test\nmall.test\n',
    social: 'friends.test\n',
    games: 'play.mall.test\nconstructor.test\n',
    streaming: 'tube.test\n',
  }),
  categoryActions: {
    ...defaultSettings.categoryActions,
    banks: 'enable',
    payments: 'enable',
    shopping: 'ask',
    social: 'never',
    streaming: 'ignore',
  },
  askAnswers: {
    'answered.test': createAskAnswer('vpn', true, now),
    'mall.test': createAskAnswer('direct', false, now),
    'expired.test': { route: 'vpn', expiresAt: now - 1 },
  },
  now,
};

type Case = [host: string, expected: 'vpn' | 'direct', input?: Partial<PacInput>];
const on = { vpnEnabled: true };

const cases: Case[] = [
  // site rules: domain, exact, wildcard, most specific wins
  ['always.test', 'vpn'],
  ['www.always.test', 'vpn'],
  ['a.b.c.always.test', 'vpn'],
  ['notalways.test', 'direct'],
  ['exact.test', 'vpn'],
  ['www.exact.test', 'direct'],
  ['wild.test', 'direct'],
  ['a.wild.test', 'vpn'],
  ['a.b.wild.test', 'vpn'],
  ['never.test', 'direct', on],
  ['x.never.test', 'direct', on],
  ['vpn.never.test', 'vpn', on],
  ['x.vpn.never.test', 'vpn', on],
  ['yandex.ru', 'vpn'],
  ['ru', 'direct'],
  // ask: global state until answered; answers last until they expire
  ['ask.test', 'direct'],
  ['ask.test', 'vpn', on],
  ['answered.test', 'vpn'],
  ['www.answered.test', 'vpn'],
  ['expired.test', 'direct'],
  ['expired.test', 'vpn', on],
  ['mall.test', 'direct', on],
  ['mall.test', 'vpn', { ...on, now: now + 3_600_000 }],
  // IDN, trailing dots, upper case
  ['xn--e1afmkfd.xn--p1ai', 'vpn'],
  ['www.xn--e1afmkfd.xn--p1ai', 'vpn'],
  ['WWW.ALWAYS.TEST', 'vpn'],
  ['always.test.', 'vpn'],
  ['Always.Test..', 'vpn'],
  ['EXACT.TEST.', 'vpn'],
  // IP literals
  ['8.8.8.8', 'vpn'],
  ['8.8.4.4', 'direct'],
  ['8.8.4.4', 'vpn', on],
  ['1.8.8.8.8', 'direct'],
  ['2001:db8::1', 'vpn'],
  ['[2001:db8::1]', 'vpn'],
  ['2001:db8::2', 'direct'],
  ['2001:db8::2', 'vpn', on],
  ['999.1.1.1', 'vpn', on],
  // never routed
  ['10.1.2.3', 'direct', on],
  ['127.0.0.1', 'direct', on],
  ['127.8.9.10', 'direct', on],
  ['0.0.0.0', 'direct', on],
  ['172.16.0.1', 'direct', on],
  ['172.31.255.254', 'direct', on],
  ['172.32.0.1', 'vpn', on],
  ['192.168.0.10', 'direct', on],
  ['192.169.0.10', 'vpn', on],
  ['169.254.169.254', 'direct', on],
  ['::1', 'direct', on],
  ['[::1]', 'direct', on],
  ['::', 'direct', on],
  ['fe80::1', 'direct', on],
  ['fd00::1', 'direct', on],
  ['fbff::1', 'vpn', on],
  ['::ffff:7f00:1', 'direct', on],
  ['::ffff:808:808', 'vpn', on],
  ['localhost', 'direct', on],
  ['LOCALHOST.', 'direct', on],
  ['app.localhost', 'direct', on],
  ['printer.local', 'direct', on],
  ['intranet', 'direct', on],
  ['my.rampart.example', 'direct', on],
  ['MY.RAMPART.EXAMPLE.', 'direct', on],
  ['www.my.rampart.example', 'vpn'],
  // categories with each action, priority and fall-through
  ['bank.test', 'vpn'],
  ['online.bank.test', 'vpn'],
  ['pay.test', 'vpn'],
  ['tesco.test', 'vpn'],
  ['shop.test', 'direct', on],
  ['www.mall.test', 'direct', on],
  ['friends.test', 'direct', on],
  ['tube.test', 'vpn', on],
  ['tube.test', 'direct'],
  ['x.play.mall.test', 'direct', on],
  ['x.play.mall.test', 'vpn', { ...on, askAnswers: {} }],
  ['constructor.test', 'vpn', on],
  ['constructor.test', 'direct', { ...on, categoryActions: { ...base.categoryActions, games: 'never' } }],
  // keys that are also Object.prototype names
  ['constructor', 'direct', on],
  ['a.__proto__', 'vpn'],
  ['a.constructor', 'direct'],
  ['hasownproperty.com', 'direct'],
  // kill switch and gateways
  ['example.com', 'vpn', { ...on, killSwitch: true }],
  ['example.com', 'vpn', { ...on, gateway: { scheme: 'PROXY', host: '203.0.113.5', port: 3128 } }],
  ['example.com', 'vpn', { ...on, gateway: { scheme: 'HTTPS', host: '2001:db8::53', port: 8443 } }],
  ['example.com', 'direct', { killSwitch: true }],
];

describe('compiled PAC agrees with decideRoute', () => {
  it('covers enough cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases)('%j → %s with %j', (host, route, overrides) => {
    const input = { ...base, ...overrides };
    expect(decideRoute(host, input).effective).toBe(route);
    const { pac, expected } = pacAndDecision(loadPac(compilePac(input)), input, host);
    expect(pac).toBe(expected);
  });
});

describe('compilePac output', () => {
  const findProxy = (input: PacInput) => loadPac(compilePac(input));

  it('falls back to DIRECT only without the kill switch', () => {
    expect(findProxy({ ...base, ...on })('https://a.test/', 'a.test')).toBe(`${GW}; DIRECT`);
    expect(findProxy({ ...base, ...on, killSwitch: true })('https://a.test/', 'a.test')).toBe(GW);
  });

  it('uses the gateway scheme and brackets an IPv6 gateway', () => {
    const gateway = { scheme: 'PROXY' as const, host: '2001:db8::53', port: 3128 };
    expect(findProxy({ ...base, ...on, killSwitch: true, gateway })('https://a.test/', 'a.test')).toBe(
      'PROXY [2001:db8::53]:3128',
    );
  });

  it('never resolves names or uses the PAC helper functions', () => {
    const pac = compilePac(base);
    for (const helper of [
      'dnsResolve',
      'isInNet',
      'myIpAddress',
      'shExpMatch',
      'dnsDomainIs',
      'isResolvable',
    ]) {
      expect(pac).not.toContain(helper);
    }
  });

  it('leaves ignored categories and expired answers out of the table', () => {
    const pac = compilePac(base);
    expect(pac).not.toContain('tube.test');
    expect(pac).not.toContain('expired.test":256');
    expect(pac).toContain('"answered.test":');
  });

  it('is the same text for the same input', () => {
    expect(compilePac(base)).toBe(compilePac({ ...base }));
  });
});
