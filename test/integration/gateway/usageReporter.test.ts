import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GatewayUsageBatch } from '../../../src/api/proxyCredential';
import { appError, err, ok } from '../../../src/result';
import { UsageReporter } from '../../../server/gateway/usageReporter';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const entry = { deviceId: 'd', accountId: null, day: '2026-11-23' };

describe('usage reporter schedule (fake clock)', () => {
  it('backs off exponentially up to the cap, then returns to the normal interval', async () => {
    vi.useFakeTimers({ now: 0 });
    vi.spyOn(Math, 'random').mockReturnValue(0.5); // no jitter
    const attempts: { at: number; batch: GatewayUsageBatch }[] = [];
    const reporter = new UsageReporter({
      gatewayId: 'gw',
      intervalMs: 1000,
      retryBaseMs: 100,
      retryMaxMs: 400,
      onError: () => undefined,
      onAcknowledged: () => undefined,
      report: async (batch) => {
        attempts.push({ at: Date.now(), batch });
        return attempts.length <= 4
          ? err(appError('usage-report-refused', 'errorUsageReport'))
          : ok(undefined);
      },
    });
    reporter.add(entry, 1, 2);
    reporter.start();
    await vi.advanceTimersByTimeAsync(2000);
    reporter.add(entry, 3, 4);
    await vi.advanceTimersByTimeAsync(1500);
    await reporter.close();

    expect(attempts.map(({ at }) => at)).toEqual([1000, 1100, 1300, 1700, 2100, 3100]);
    expect(new Set(attempts.slice(0, 5).map(({ batch }) => batch.batchId)).size).toBe(1);
    expect(attempts[5]?.batch.entries).toEqual([{ ...entry, uploadBytes: 3, downloadBytes: 4 }]);
    expect(reporter.unacknowledged()).toEqual([]);
  });

  it('keeps counts that could not be delivered before closing', async () => {
    const reporter = new UsageReporter({
      gatewayId: 'gw',
      intervalMs: 1000,
      retryBaseMs: 100,
      retryMaxMs: 400,
      onError: () => undefined,
      onAcknowledged: () => undefined,
      report: () => Promise.reject(new Error('account service down')),
    });
    reporter.add(entry, 5, 6);
    expect(await reporter.close()).toBe(false);
    expect(reporter.unacknowledged()).toEqual([{ ...entry, uploadBytes: 5, downloadBytes: 6 }]);
  });
});
