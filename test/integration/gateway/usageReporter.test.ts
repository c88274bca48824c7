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

  it('drops a batch the service refuses for good (4xx) and keeps retrying one it may take later (5xx, network)', async () => {
    vi.useFakeTimers({ now: 0 });
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const answers = [
      err(appError('usage-report-refused', 'errorUsageReport', ['503'])),
      'throw',
      err(appError('usage-report-rejected', 'errorUsageReport', ['400'])),
      ok(undefined),
    ] as const;
    const attempts: { at: number; batch: GatewayUsageBatch }[] = [];
    const dropped: { batchId: string; status: string | undefined }[] = [];
    const errors: unknown[] = [];
    const reporter = new UsageReporter({
      gatewayId: 'gw',
      intervalMs: 1000,
      retryBaseMs: 100,
      retryMaxMs: 400,
      onError: (error) => errors.push(error),
      onDropped: (batch, error) => dropped.push({ batchId: batch.batchId, status: error.substitutions?.[0] }),
      onAcknowledged: () => undefined,
      report: async (batch) => {
        const answer = answers[attempts.length];
        attempts.push({ at: Date.now(), batch });
        if (answer === 'throw') throw new Error('connection reset');
        return answer ?? ok(undefined);
      },
    });
    reporter.add(entry, 1, 2);
    reporter.start();
    await vi.advanceTimersByTimeAsync(1300);
    // The third attempt was refused for good: the batch is gone and not sent again.
    expect(attempts.map(({ at }) => at)).toEqual([1000, 1100, 1300]);
    expect(new Set(attempts.map(({ batch }) => batch.batchId)).size).toBe(1);
    expect(dropped).toEqual([{ batchId: attempts[0]?.batch.batchId, status: '400' }]);
    expect(reporter.dropped).toBe(1);
    expect(reporter.unacknowledged()).toEqual([]);
    expect(errors).toHaveLength(2);
    // Back to the normal interval, with a new batch for new counts.
    reporter.add(entry, 3, 4);
    await vi.advanceTimersByTimeAsync(1000);
    expect(attempts.map(({ at }) => at)).toEqual([1000, 1100, 1300, 2300]);
    expect(attempts[3]?.batch.batchId).not.toBe(attempts[0]?.batch.batchId);
    expect(attempts[3]?.batch.entries).toEqual([{ ...entry, uploadBytes: 3, downloadBytes: 4 }]);
    await reporter.close();
    expect(reporter.dropped).toBe(1);
  });
});
