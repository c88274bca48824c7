import { randomUUID } from 'node:crypto';
import type { GatewayUsageBatch, GatewayUsageEntry } from '../../src/api/proxyCredential';
import type { AppError, Result } from '../../src/result';

/** What the account service may say back: devices that are at their daily limit, counting every gateway. */
export interface UsageAcknowledgement {
  overLimitDeviceIds: readonly string[];
}

/**
 * Delivers one batch; resolves ok only once the account service acknowledged it. May also throw. An error
 * coded `usage-report-rejected` means the service refused this batch for good (a 4xx that a retry will not
 * change): the batch is dropped. Any other error or a throw (5xx, network) is retried with backoff.
 */
export type ReportUsage = (batch: GatewayUsageBatch) => Promise<Result<UsageAcknowledgement | undefined>>;

export interface UsageReporterOptions {
  gatewayId: string;
  report: ReportUsage;
  intervalMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  onError: (error: AppError | unknown) => void;
  /** A batch refused for good was dropped (its counts are lost; the caller logs and counts it). */
  onDropped?: (batch: GatewayUsageBatch, error: AppError) => void;
  onAcknowledged: (acknowledgement: UsageAcknowledgement) => void;
}

const entryKey = (entry: Pick<GatewayUsageEntry, 'deviceId' | 'accountId' | 'day'>) =>
  JSON.stringify([entry.deviceId, entry.accountId, entry.day]);

export const USAGE_REPORT_REJECTED = 'usage-report-rejected';

/**
 * Batches usage and delivers it at least once: a batch that fails is kept and resent unchanged (same
 * `batchId`, so the service can ignore a duplicate) with exponential backoff, while new counts gather in the
 * next batch. Counts leave memory only when acknowledged, or when the service refuses the batch for good.
 */
export class UsageReporter {
  private pending = new Map<string, GatewayUsageEntry>();
  private inFlight: GatewayUsageBatch | null = null;
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;
  private queue: Promise<boolean> = Promise.resolve(true);
  private stopped = false;
  private droppedBatches = 0;

  constructor(private readonly options: UsageReporterOptions) {}

  add(
    entry: Omit<GatewayUsageEntry, 'uploadBytes' | 'downloadBytes'>,
    uploadBytes: number,
    downloadBytes: number,
  ) {
    const key = entryKey(entry);
    const found = this.pending.get(key) ?? { ...entry, uploadBytes: 0, downloadBytes: 0 };
    found.uploadBytes += uploadBytes;
    found.downloadBytes += downloadBytes;
    this.pending.set(key, found);
  }

  start(): void {
    this.schedule(this.options.intervalMs);
  }

  /** One delivery attempt now; true when nothing is left unacknowledged. */
  flush(): Promise<boolean> {
    // Attempts run one after another so a batch is never sent twice at once.
    this.queue = this.queue.then(() => this.attempt());
    return this.queue;
  }

  /** Everything counted and not yet acknowledged (for diagnostics and tests). */
  unacknowledged(): GatewayUsageEntry[] {
    return [...(this.inFlight?.entries ?? []), ...this.pending.values()];
  }

  /** Batches the service refused for good since start. */
  get dropped(): number {
    return this.droppedBatches;
  }

  async close(): Promise<boolean> {
    this.stopped = true;
    clearTimeout(this.timer);
    return this.flush();
  }

  private async attempt(): Promise<boolean> {
    if (this.inFlight === null && this.pending.size > 0) {
      this.inFlight = {
        batchId: randomUUID(),
        gatewayId: this.options.gatewayId,
        entries: [...this.pending.values()],
      };
      this.pending = new Map();
    }
    if (this.inFlight === null) return true;
    let acknowledged = false;
    try {
      const result = await this.options.report(this.inFlight);
      acknowledged = result.ok;
      if (!result.ok && result.error.code === USAGE_REPORT_REJECTED) {
        this.droppedBatches += 1;
        this.options.onDropped?.(this.inFlight, result.error);
        acknowledged = true;
      } else if (!result.ok) this.options.onError(result.error);
      else if (result.value !== undefined) this.options.onAcknowledged(result.value);
    } catch (error) {
      this.options.onError(error);
    }
    if (!acknowledged) {
      this.failures += 1;
      return false;
    }
    this.inFlight = null;
    this.failures = 0;
    return this.pending.size === 0;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.flush().then(() => this.schedule(this.nextDelay()));
    }, delayMs);
    // Reporting alone must not keep a stopping process alive.
    this.timer.unref();
  }

  private nextDelay(): number {
    if (this.failures === 0) return this.options.intervalMs;
    const backoff = Math.min(this.options.retryMaxMs, this.options.retryBaseMs * 2 ** (this.failures - 1));
    // Jitter spreads the retries of many gateways after an account-service outage.
    return Math.round(backoff * (0.8 + Math.random() * 0.4));
  }
}
