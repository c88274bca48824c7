import type { ConnectionStats } from 'proxy-chain';

/** Whom a connection's bytes are charged to. */
export interface Owner {
  principal: string;
  deviceId: string;
  accountId: string | null;
}

type StatsOf = (connectionId: number) => ConnectionStats | undefined;
type Charge = (owner: Owner, uploadBytes: number, downloadBytes: number) => void;

interface Metered {
  owner: Owner;
  /** Client-side socket totals already charged. */
  charged: { up: number; down: number };
}

/**
 * Charges the bytes of each client connection (both directions, as seen on the client side, so TLS to the
 * gateway and proxy headers count too) to whoever authenticated on it. A keep-alive connection may carry
 * requests with different credentials, so bytes are settled each time the owner changes, periodically for long
 * tunnels, and once more when the connection closes.
 */
export class ConnectionMeter {
  private readonly metered = new Map<number, Metered>();

  constructor(
    private readonly statsOf: StatsOf,
    private readonly charge: Charge,
  ) {}

  /** Connections with an owner, still open. */
  get size(): number {
    return this.metered.size;
  }

  assign(connectionId: number, owner: Owner): void {
    const entry = this.metered.get(connectionId);
    if (entry === undefined) {
      // Starting from zero charges the request that authenticated too.
      this.metered.set(connectionId, { owner, charged: { up: 0, down: 0 } });
      return;
    }
    this.settle(entry, this.statsOf(connectionId));
    entry.owner = owner;
  }

  sampleAll(): void {
    for (const [connectionId, entry] of this.metered) this.settle(entry, this.statsOf(connectionId));
  }

  closed(connectionId: number, finalStats: ConnectionStats | undefined): void {
    const entry = this.metered.get(connectionId);
    if (entry === undefined) return;
    this.settle(entry, finalStats);
    this.metered.delete(connectionId);
  }

  connectionsOf(principal: string): number[] {
    return [...this.metered].filter(([, entry]) => entry.owner.principal === principal).map(([id]) => id);
  }

  private settle(entry: Metered, stats: ConnectionStats | undefined): void {
    if (stats === undefined) return;
    const up = stats.srcRxBytes - entry.charged.up;
    const down = stats.srcTxBytes - entry.charged.down;
    if (up <= 0 && down <= 0) return;
    entry.charged = { up: stats.srcRxBytes, down: stats.srcTxBytes };
    this.charge(entry.owner, Math.max(0, up), Math.max(0, down));
  }
}
