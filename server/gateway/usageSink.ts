import type { GatewayUsageEntry, ProxyCredentialPayload } from '../../src/api/proxyCredential';
import type { UsageReporter } from './usageReporter';

export type UsageKey = Pick<GatewayUsageEntry, 'deviceId' | 'accountId' | 'day'>;

/**
 * Where a gateway process hands the bytes it metered: its own reporter (one process), or the cluster primary
 * (a worker), which sums every worker's counts so each device is reported and limited once per gateway.
 */
export interface UsageSink {
  /** A request carried this credential (called per request: cheap, and the sink keeps only what is new). */
  credentialSeen(credential: ProxyCredentialPayload): void;
  charge(key: UsageKey, uploadBytes: number, downloadBytes: number, at: number): void;
  start(): void;
  /** Hands over everything counted so far; true when nothing is left undelivered. */
  flush(): Promise<boolean>;
  close(): Promise<boolean>;
}

/** One process: the gateway's own reporter delivers to the account service. */
export const reporterSink = (reporter: UsageReporter): UsageSink => ({
  credentialSeen: () => undefined,
  charge: (key, uploadBytes, downloadBytes) => reporter.add(key, uploadBytes, downloadBytes),
  start: () => reporter.start(),
  flush: () => reporter.flush(),
  close: () => reporter.close(),
});
