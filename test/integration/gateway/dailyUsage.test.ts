import { describe, expect, it } from 'vitest';
import type { ProxyCredentialPayload } from '../../../src/api/proxyCredential';
import { DailyUsage } from '../../../server/gateway/dailyUsage';

const noon = Date.UTC(2026, 10, 23, 12, 0);
const minute = 60_000;
const credential = (issuedAt: number, usedBytesAtIssue: number, dailyLimitBytes: number | null = 1000) =>
  ({
    deviceId: 'd',
    accountId: 'a',
    tier: 'free',
    dailyLimitBytes,
    usedBytesAtIssue,
    issuedAt,
    expiresAt: issuedAt + 20 * minute,
    keyId: 'k',
  }) satisfies ProxyCredentialPayload;
const key = 'device:d';

describe("today's usage per principal", () => {
  it('adds what this gateway counted to what the service knew at signing', () => {
    const usage = new DailyUsage();
    usage.add(key, 100, noon);
    usage.observeCredential(credential(noon, 500), noon);
    usage.add(key, 50, noon + minute);
    expect(usage.used(key, noon + minute)).toBe(550);
  });

  it('takes the newer credential as the new starting point and ignores an older one', () => {
    const usage = new DailyUsage();
    usage.observeCredential(credential(noon, 500), noon);
    usage.add(key, 50, noon + minute);
    usage.observeCredential(credential(noon + 10 * minute, 700), noon + 10 * minute);
    usage.add(key, 10, noon + 11 * minute);
    usage.observeCredential(credential(noon, 500), noon + 12 * minute);
    expect(usage.used(key, noon + 12 * minute)).toBe(710);
  });

  it('never reports less than it counted itself', () => {
    const usage = new DailyUsage();
    usage.add(key, 900, noon);
    usage.observeCredential(credential(noon + minute, 100), noon + minute);
    expect(usage.used(key, noon + minute)).toBe(900);
  });

  it('ignores a credential signed yesterday and starts again at midnight UTC', () => {
    const usage = new DailyUsage();
    const lateEvening = Date.UTC(2026, 10, 23, 23, 55);
    usage.observeCredential(credential(lateEvening, 990), lateEvening);
    expect(usage.exhausted(lateEvening)).toEqual([]);
    usage.add(key, 20, lateEvening + minute);
    expect(usage.exhausted(lateEvening + minute)).toEqual([key]);
    const afterMidnight = Date.UTC(2026, 10, 24, 0, 5);
    usage.observeCredential(credential(lateEvening, 990), afterMidnight);
    expect(usage.used(key, afterMidnight)).toBe(0);
    expect(usage.exhausted(afterMidnight)).toEqual([]);
  });

  it('never calls an unlimited principal exhausted', () => {
    const usage = new DailyUsage();
    usage.observeCredential(credential(noon, 10 ** 12, null), noon);
    expect(usage.exhausted(noon)).toEqual([]);
  });
});
