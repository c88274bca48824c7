import { networkInterfaces } from 'node:os';
import { parseIp, type IpAddress } from '../../src/net';
import { addressKey } from './addresses';

/** Lists the host's own interface addresses; the default reads `os.networkInterfaces()`, tests inject a list. */
export type ListOwnAddresses = () => readonly string[];

export const systemOwnAddresses: ListOwnAddresses = () =>
  Object.values(networkInterfaces()).flatMap((entries) => (entries ?? []).map((entry) => entry.address));

/**
 * The gateway's own addresses, read at start and re-read every `refreshMs` (interfaces come and go: DHCP, a
 * floating IP, a VPN of the host). Node has no event for an interface change, so polling it is; one read costs a
 * few microseconds. `extra` are addresses that are the gateway's own without being an interface (its listen and
 * exit addresses behind NAT).
 */
export class OwnAddresses {
  private keys = new Set<string>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly list: ListOwnAddresses,
    private readonly extra: readonly string[] = [],
  ) {
    this.refresh();
  }

  refresh(): void {
    const keys = new Set<string>();
    for (const text of [...this.list(), ...this.extra]) {
      const address = parseIp(text.replace(/%.*$/, ''));
      if (address !== null) keys.add(addressKey(address));
    }
    this.keys = keys;
  }

  has = (address: IpAddress): boolean => this.keys.has(addressKey(address));

  start(refreshMs: number): void {
    this.timer = setInterval(() => this.refresh(), refreshMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
