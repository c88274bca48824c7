import { parseIp } from '../../src/net';
import { addressKey } from './addresses';

export interface ConnectionLimitsConfig {
  /** Open client connections in all (keep it well under the process's open-file limit). */
  maxConnections: number;
  /**
   * Of `maxConnections`, how many only clients that authenticated recently may take: a flood of connections that
   * never authenticate, from however many addresses, cannot lock out the gateway's users.
   */
  reservedForKnownClients: number;
  /** Open connections per client address (an IPv6 client: per /64, what one subscriber usually holds). */
  maxPerAddress: number;
  /** Of those, connections that have not (yet) made an authenticated request. */
  maxPendingPerAddress: number;
  /** How long after its last authenticated request an address counts as a known client. */
  knownClientMs: number;
}

export const defaultConnectionLimits: ConnectionLimitsConfig = {
  maxConnections: 8192,
  reservedForKnownClients: 1024,
  maxPerAddress: 1024,
  maxPendingPerAddress: 64,
  knownClientMs: 10 * 60_000,
};

/** The caps a gateway configuration sets, each one it leaves out at its default. */
export const connectionLimitsFrom = (
  limits: Partial<ConnectionLimitsConfig> = {},
): ConnectionLimitsConfig => ({
  ...defaultConnectionLimits,
  ...limits,
});

/**
 * One cluster worker's share of limits meant for the whole gateway: each worker counts only its own
 * connections, so every cap is divided between the workers, rounded up (at most `workers - 1` over the
 * configured total). The share reserved for known clients stays below the worker's total, or a worker would
 * refuse every new address.
 */
export const limitsPerWorker = (limits: ConnectionLimitsConfig, workers: number): ConnectionLimitsConfig => {
  const share = (value: number) => Math.ceil(value / Math.max(1, workers));
  const maxConnections = share(limits.maxConnections);
  return {
    maxConnections,
    reservedForKnownClients: Math.min(share(limits.reservedForKnownClients), maxConnections - 1),
    maxPerAddress: share(limits.maxPerAddress),
    maxPendingPerAddress: share(limits.maxPendingPerAddress),
    knownClientMs: limits.knownClientMs,
  };
};

export type ConnectionRefusal = 'per-address' | 'pending-per-address' | 'total' | 'reserved';

interface Counts {
  open: number;
  pending: number;
}

interface Peer {
  client: string;
  authenticated: boolean;
}

/** At most this many known clients are remembered (the oldest is forgotten first). */
const KNOWN_CLIENTS_MAX = 100_000;

/** The address a limit counts against: IPv4 as is, IPv6 by its /64, "" when unreadable. */
export const clientKey = (remoteAddress: string | undefined): string => {
  const address = parseIp((remoteAddress ?? '').replace(/%.*$/, ''));
  if (address === null) return '';
  const key = addressKey(address);
  if (key.includes('.')) return key;
  const groups = address.family === 6 ? address.groups.slice(0, 4) : [];
  return `${groups.map((g) => g.toString(16)).join(':')}::/64`;
};

/**
 * Counts open client connections by address and decides at accept time whether a new one may stay. A connection
 * is "pending" until it makes an authenticated request; the socket layer only sees TCP, so a peer is named by
 * its remote address and port, which is unique among open connections.
 */
export class ConnectionLimits {
  private open = 0;
  private pending = 0;
  private readonly byClient = new Map<string, Counts>();
  private readonly peers = new Map<string, Peer>();
  private readonly known = new Map<string, number>();

  constructor(
    private readonly limits: ConnectionLimitsConfig,
    private readonly now: () => number,
  ) {}

  /** A new connection from `client` (see clientKey) as `peer`: null when it may stay, else why it may not. */
  accept(peer: string, client: string): ConnectionRefusal | null {
    const counts = this.byClient.get(client) ?? { open: 0, pending: 0 };
    if (counts.open >= this.limits.maxPerAddress) return 'per-address';
    if (counts.pending >= this.limits.maxPendingPerAddress) return 'pending-per-address';
    if (this.open >= this.limits.maxConnections) return 'total';
    if (
      this.open >= this.limits.maxConnections - this.limits.reservedForKnownClients &&
      !this.isKnown(client)
    ) {
      return 'reserved';
    }
    counts.open++;
    counts.pending++;
    this.byClient.set(client, counts);
    this.peers.set(peer, { client, authenticated: false });
    this.open++;
    this.pending++;
    return null;
  }

  /** The connection made an authenticated request: it no longer counts as pending, and its address is known. */
  authenticated(peer: string): void {
    const entry = this.peers.get(peer);
    if (entry === undefined) return;
    this.known.delete(entry.client);
    this.known.set(entry.client, this.now());
    if (this.known.size > KNOWN_CLIENTS_MAX) {
      const oldest = this.known.keys().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
    if (entry.authenticated) return;
    entry.authenticated = true;
    this.pending--;
    const counts = this.byClient.get(entry.client);
    if (counts !== undefined) counts.pending--;
  }

  closed(peer: string): void {
    const entry = this.peers.get(peer);
    if (entry === undefined) return;
    this.peers.delete(peer);
    this.open--;
    if (!entry.authenticated) this.pending--;
    const counts = this.byClient.get(entry.client);
    if (counts === undefined) return;
    counts.open--;
    if (!entry.authenticated) counts.pending--;
    if (counts.open === 0) this.byClient.delete(entry.client);
  }

  stats(): { open: number; pending: number; clients: number } {
    return { open: this.open, pending: this.pending, clients: this.byClient.size };
  }

  private isKnown(client: string): boolean {
    const at = this.known.get(client);
    return at !== undefined && this.now() - at <= this.limits.knownClientMs;
  }
}
