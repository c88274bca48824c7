import { describe, expect, it } from 'vitest';
import { emptyCategoryDb } from '../../../src/categories';
import { compileFixedServers, type PacInput } from '../../../src/pac';
import { indexSiteRules } from '../../../src/rules';
import { defaultSettings, type SiteRule } from '../../../src/settings';

const input = (rules: SiteRule[], overrides: Partial<PacInput> = {}): PacInput => ({
  vpnEnabled: true,
  killSwitch: true,
  gateway: { scheme: 'HTTPS', host: 'gw.rampart.example', port: 443 },
  bypassHosts: ['My.Rampart.Example'],
  siteRules: indexSiteRules(rules),
  categories: emptyCategoryDb,
  categoryActions: defaultSettings.categoryActions,
  askAnswers: {},
  now: 0,
  ...overrides,
});

describe('compileFixedServers', () => {
  it('turns never-rules into a bypass list next to the local ranges and the account service', () => {
    const config = compileFixedServers(
      input([
        { pattern: 'example.com', action: 'never' },
        { pattern: '=exact.test', action: 'never' },
        { pattern: '*.wild.test', action: 'never' },
        { pattern: '8.8.8.8', action: 'never' },
        { pattern: '[2001:db8::1]', action: 'never' },
      ]),
    );
    expect(config?.mode).toBe('fixed_servers');
    expect(config?.rules.singleProxy).toEqual({ scheme: 'https', host: 'gw.rampart.example', port: 443 });
    expect(config?.rules.bypassList).toEqual(
      expect.arrayContaining(['<local>', '*.local', '192.168.0.0/16', '[fc00::]/7', 'my.rampart.example']),
    );
    expect(config?.rules.bypassList.slice(-6)).toEqual([
      'example.com',
      '*.example.com',
      'exact.test',
      '*.wild.test',
      '8.8.8.8',
      '[2001:db8::1]',
    ]);
  });

  it('uses plain http for a PROXY gateway', () => {
    const gateway = { scheme: 'PROXY' as const, host: '203.0.113.5', port: 3128 };
    expect(compileFixedServers(input([], { gateway }))?.rules.singleProxy).toEqual({
      scheme: 'http',
      host: '203.0.113.5',
      port: 3128,
    });
  });

  it.each<[string, SiteRule[], Partial<PacInput>]>([
    ['the VPN is off', [], { vpnEnabled: false }],
    ['the kill switch is off (a fixed proxy cannot fall back to DIRECT)', [], { killSwitch: false }],
    ['a rule says always', [{ pattern: 'a.test', action: 'always' }], {}],
    ['a rule says ask', [{ pattern: 'a.test', action: 'ask' }], {}],
    [
      'a category says never',
      [],
      { categoryActions: { ...defaultSettings.categoryActions, banks: 'never' } },
    ],
    ['a category says ask', [], { categoryActions: { ...defaultSettings.categoryActions, shopping: 'ask' } }],
  ])('is not used when %s', (_, rules, overrides) => {
    expect(compileFixedServers(input(rules, overrides))).toBeNull();
  });

  it('is used when categories only turn the VPN on, as it already is', () => {
    const categoryActions = { ...defaultSettings.categoryActions, banks: 'enable' as const };
    expect(compileFixedServers(input([], { categoryActions }))).not.toBeNull();
  });
});
