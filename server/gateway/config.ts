import type { PublicKeySet } from '../credentials';
import type { ConnectionLimitsConfig } from './connectionLimits';
import type { ListOwnAddresses } from './ownAddresses';
import type { Resolve } from './resolve';
import type { TlsMaterial } from './tls';
import type { Registry } from 'prom-client';
import type { ReportUsage } from './usageReporter';
import type { UsageSink } from './usageSink';

export interface GatewayIdentity {
  id: string;
  region: string;
  city: string;
}

export interface GatewayConfig {
  /** Listen address; `127.0.0.1` in tests. */
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /**
   * TLS to the gateway (the normal case: proxy scheme `HTTPS host:port`). `'self-signed'` makes a certificate
   * at start for development and tests; `null` serves plain HTTP for a self-hosted gateway (`PROXY host:port`).
   */
  tls: TlsMaterial | 'self-signed' | null;
  /** Account-service public keys that credentials may be signed with. */
  publicKeys: PublicKeySet;
  gateway: GatewayIdentity;
  /** Delivers usage batches; see `httpReportUsage` for the account-service default. */
  reportUsage: ReportUsage;
  /** What the check host reports as the exit address; default: the local address the client reached. */
  exitAddress?: string;
  /** Test switch: let loopback/private destinations through. Never on a public gateway. */
  allowPrivateDestinations?: boolean;
  /**
   * The host's own addresses, refused as destinations (default: every `os.networkInterfaces()` address), re-read
   * every `ownAddressRefreshMs` (default 10 s). The listen and exit addresses are added to them.
   */
  ownAddresses?: ListOwnAddresses;
  ownAddressRefreshMs?: number;
  /** Connection caps per client address and in all; see `defaultConnectionLimits` for the defaults. */
  connectionLimits?: Partial<ConnectionLimitsConfig>;
  /**
   * A connection that has not made an authenticated request (TLS handshake included) is closed after this long
   * without traffic (default 20 s); an authenticated one, a tunnel included, after `idleTimeoutMs` (default 5 min).
   */
  pendingTimeoutMs?: number;
  idleTimeoutMs?: number;
  /** Destination resolver; default the system's. Tests use `loopbackTestResolve` for `*.test`. */
  resolve?: Resolve;
  /** Destination ports refused outright (default: 25, so the gateway is no spam relay). */
  blockedPorts?: readonly number[];
  /** How often usage is sent (default 10 s) and how retries back off (default 1 s doubling to 60 s). */
  reportIntervalMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** How often open connections are metered and checked against the daily limit (default 1 s). */
  meterIntervalMs?: number;
  /** Where metered usage goes instead of this process's own reporter (a cluster worker: to the primary). */
  usageSink?: UsageSink;
  /** 48 bytes of TLS session-ticket keys, the same in every worker so a ticket resumes on any (default: random). */
  ticketKeys?: Buffer;
  /** The cluster worker's id, for metrics labels (0 or absent: a single process). */
  workerId?: number;
  /** Clock (Unix ms); tests move it. */
  now?: () => number;
  log?: (line: string) => void;
}

export interface RunningGateway {
  port: number;
  /** `https://127.0.0.1:port` or `http://…` for plain mode: what a client uses as its proxy URL. */
  url: string;
  /** The PEM certificate clients must trust, when the gateway serves TLS (the newest after a reload). */
  readonly certificate: string | null;
  /** This process's Prometheus metrics (tunnels and connections open, bytes, auth failures). */
  metrics: Registry;
  /** Open client connections as the limits count them (`pending`: no authenticated request yet). */
  connections(): { open: number; pending: number; clients: number };
  /** Meters open connections and tries to deliver usage now; true when nothing is left unacknowledged. */
  flushUsage(): Promise<boolean>;
  /** New TLS handshakes use this key and certificate; open connections keep going on the old one. */
  setCertificate(material: TlsMaterial): void;
  /** Treats these principals as at their daily limit today (a cluster worker learns it from the primary). */
  exhausted(principals: readonly string[]): void;
  close(): Promise<void>;
}
