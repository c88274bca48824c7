import type { ProxyCredentialPayload } from '../../src/api/proxyCredential';
import type { ToPrimary, UsageCharge } from './clusterMessages';
import type { UsageSink } from './usageSink';

type Send = (message: ToPrimary) => Promise<void>;

/**
 * A cluster worker's usage sink: counts gather per device and day and go to the primary in one message per
 * interval (and on flush), with the credentials the primary has not heard of from this worker. Only the primary
 * reports to the account service.
 */
export class WorkerUsageLink implements UsageSink {
  private charges = new Map<string, UsageCharge>();
  private credentials: ProxyCredentialPayload[] = [];
  /** Per device, `issuedAt` of the newest credential already sent. */
  private readonly sentCredentials = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly send: Send,
    private readonly intervalMs: number,
  ) {}

  credentialSeen(credential: ProxyCredentialPayload): void {
    const sent = this.sentCredentials.get(credential.deviceId);
    if (sent !== undefined && sent >= credential.issuedAt) return;
    this.sentCredentials.set(credential.deviceId, credential.issuedAt);
    this.credentials.push(credential);
    // Memory follows active devices: a device whose entry is dropped is sent again on its next request.
    if (this.sentCredentials.size > 100_000) this.sentCredentials.clear();
  }

  charge(
    key: { deviceId: string; accountId: string | null; day: string },
    uploadBytes: number,
    downloadBytes: number,
    at: number,
  ): void {
    const id = JSON.stringify([key.deviceId, key.accountId, key.day]);
    const found = this.charges.get(id) ?? { ...key, uploadBytes: 0, downloadBytes: 0, at };
    found.uploadBytes += uploadBytes;
    found.downloadBytes += downloadBytes;
    found.at = at;
    this.charges.set(id, found);
  }

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  async flush(): Promise<boolean> {
    if (this.charges.size === 0 && this.credentials.length === 0) return true;
    const message: ToPrimary = {
      type: 'rampart:usage',
      credentials: this.credentials,
      charges: [...this.charges.values()],
    };
    this.charges = new Map();
    this.credentials = [];
    try {
      await this.send(message);
      return true;
    } catch {
      // The primary is gone (the gateway is stopping): nothing else could deliver these counts.
      return false;
    }
  }

  close(): Promise<boolean> {
    clearInterval(this.timer);
    return this.flush();
  }
}
