// The account service's pure rules, by tables: no server, no database.
import { describe, expect, it } from 'vitest';
import { failedPasswordRules } from '../../../src/api/password-rules';
import { activationCode } from '../../../src/api/subscriptions';
import { entitlementOf } from '../../../server/services/entitlements';
import { nextUtcMidnight, utcDay } from '../../../server/services/time';

describe('password rules', () => {
  it.each([
    ['Abcdefg1', []],
    ['Abcdef1', ['minLength']],
    ['abcdefgh1', ['upperLatin']],
    ['ABCDEFGH1', ['lowerLatin']],
    ['Abcdefghi', ['digit']],
    ['Abcd efg1', ['noSpaces']],
    ['Abcd\tefg1', ['noSpaces']],
    ['Ábcdéfg1', ['upperLatin']],
    ['', ['minLength', 'digit', 'upperLatin', 'lowerLatin']],
    [`Aa1${'x'.repeat(126)}`, ['maxLength']],
  ])('%j fails %j', (password, rules) => {
    expect(failedPasswordRules(password)).toEqual(rules);
  });
});

describe('entitlements', () => {
  const limits = { anonymousDailyBytes: 200, freeDailyBytes: 300, freeDeviceLimit: 3 };
  const now = new Date('2026-11-23T12:00:00Z');
  it.each([
    [
      { userId: null, subscriptionExpiresAt: null, subscriptionDeviceLimit: null },
      { tier: 'anonymous', dailyLimitBytes: 200 },
    ],
    [
      { userId: 'u', subscriptionExpiresAt: null, subscriptionDeviceLimit: null },
      { tier: 'free', dailyLimitBytes: 300, deviceLimit: 3 },
    ],
    [
      { userId: 'u', subscriptionExpiresAt: new Date('2026-12-01T00:00:00Z'), subscriptionDeviceLimit: 7 },
      { tier: 'unlimited', dailyLimitBytes: null, deviceLimit: 7 },
    ],
    [
      { userId: 'u', subscriptionExpiresAt: new Date('2026-11-23T11:59:59Z'), subscriptionDeviceLimit: 7 },
      { tier: 'free', dailyLimitBytes: 300, deviceLimit: 3 },
    ],
  ])('%j → %j', (owner, expected) => {
    expect(entitlementOf(owner, now, limits)).toMatchObject(expected);
  });
});

describe('UTC days', () => {
  it.each([
    ['2026-11-23T00:00:00.000Z', '2026-11-23', '2026-11-24T00:00:00.000Z'],
    ['2026-11-23T23:59:59.999Z', '2026-11-23', '2026-11-24T00:00:00.000Z'],
    ['2026-12-31T12:00:00.000Z', '2026-12-31', '2027-01-01T00:00:00.000Z'],
    ['2028-02-28T12:00:00.000Z', '2028-02-28', '2028-02-29T00:00:00.000Z'],
  ])('%s is day %s, resetting at %s', (at, day, reset) => {
    expect(utcDay(new Date(at))).toBe(day);
    expect(nextUtcMidnight(new Date(at)).toISOString()).toBe(reset);
  });
});

describe('activation codes as typed', () => {
  it.each([
    ['abcd-efgh-ijkl-mnop-qrst', 'ABCDEFGHIJKLMNOPQRST'],
    [' ABCD EFGH IJKL MNOP QRST ', 'ABCDEFGHIJKLMNOPQRST'],
  ])('%j reads as %s', (typed, code) => {
    expect(activationCode.parse(typed)).toBe(code);
  });
  it('refuses characters outside the alphabet', () => {
    expect(activationCode.safeParse('ABCD-0189-IJKL-MNOP').success).toBe(false);
  });
});
