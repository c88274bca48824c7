import type dns from 'node:dns';
import { parseIp, type IpAddress } from '../../src/net';
import { isForbiddenAddress } from './addresses';
import type { Resolve, ResolvedAddress } from './resolve';

export type DestinationVerdict =
  | { ok: true; lookup: typeof dns.lookup | undefined }
  | { ok: false; reason: 'destination-forbidden' | 'destination-unreachable' };

/**
 * The connection must go to the very addresses that were checked: a name that resolves to a public address
 * now and to 127.0.0.1 a moment later (DNS rebinding) would otherwise slip through. So the checked addresses
 * are handed to the proxy as its `lookup`, and nothing is resolved twice.
 */
const pinnedLookup = (addresses: readonly ResolvedAddress[]): typeof dns.lookup => {
  const pinned = (
    _hostname: string,
    options: dns.LookupOptions | number | ((...args: unknown[]) => void),
    callback?: (...args: unknown[]) => void,
  ): void => {
    const done = typeof options === 'function' ? options : callback;
    const wanted =
      typeof options === 'object' ? options : typeof options === 'number' ? { family: options } : {};
    const family =
      wanted.family === 4 || wanted.family === 'IPv4'
        ? 4
        : wanted.family === 6 || wanted.family === 'IPv6'
          ? 6
          : 0;
    const usable = addresses.filter((entry) => family === 0 || entry.family === family);
    const first = usable[0];
    if (done === undefined) return;
    if (first === undefined) {
      done(Object.assign(new Error('no pinned address of the wanted family'), { code: 'ENOTFOUND' }));
      return;
    }
    if (wanted.all === true) done(null, usable);
    else done(null, first.address, first.family);
  };
  return pinned as unknown as typeof dns.lookup;
};

/** `[::1]` as a URL writes an IPv6 host, `::1` as sockets and resolvers take it. */
export const unbracketed = (hostname: string): string =>
  hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;

export interface DestinationOptions {
  resolve: Resolve;
  /** The test switch: every address passes, the gateway's own included. */
  allowPrivate: boolean;
  /** The gateway's own interface addresses (see OwnAddresses); none when omitted. */
  isOwnAddress?: (address: IpAddress) => boolean;
}

export const checkDestination = async (
  hostname: string,
  options: DestinationOptions,
): Promise<DestinationVerdict> => {
  const forbidden = (address: string) =>
    !options.allowPrivate && isForbiddenAddress(address, options.isOwnAddress);
  if (parseIp(hostname) !== null) {
    return forbidden(hostname)
      ? { ok: false, reason: 'destination-forbidden' }
      : { ok: true, lookup: undefined };
  }
  const bare = unbracketed(hostname);
  let addresses: ResolvedAddress[];
  try {
    addresses = await options.resolve(bare);
  } catch {
    return { ok: false, reason: 'destination-unreachable' };
  }
  if (addresses.length === 0) return { ok: false, reason: 'destination-unreachable' };
  // One forbidden address taints the name: a mixed answer is a classic way to sneak in a private target.
  if (addresses.some(({ address }) => forbidden(address)))
    return { ok: false, reason: 'destination-forbidden' };
  return { ok: true, lookup: pinnedLookup(addresses) };
};
