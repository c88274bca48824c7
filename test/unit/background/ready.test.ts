import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReadyGate } from '../../../background/ready';

describe('the ready gate', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('a caller that waited too long hears "not ready"; callers after a slow start are served', async () => {
    let finish: () => void = () => undefined;
    const gate = createReadyGate(() => new Promise<void>((resolve) => (finish = resolve)), 1_000);
    const early = gate();
    const earlyOutcome = early.then(
      () => 'ready',
      (error: Error) => error.message,
    );
    await vi.advanceTimersByTimeAsync(1_001);
    expect(await earlyOutcome).toBe('Background not ready after 1000 ms');
    finish();
    await expect(gate()).resolves.toBeUndefined();
  });

  it('a failed start is reported to every caller', async () => {
    const gate = createReadyGate(() => Promise.reject(new Error('storage broken')), 1_000);
    await expect(gate()).rejects.toThrow('storage broken');
    await expect(gate()).rejects.toThrow('storage broken');
  });
});
