import { normalizeHost, parseIPv4, parseIPv6 } from './host';

/**
 * Why a host never goes through the VPN, whatever the rules say. The account service stays direct so that a
 * broken gateway or an expired credential can always be repaired; local names and addresses cannot be reached
 * from a remote gateway at all.
 */
export type BypassReason =
  | 'accountService'
  | 'localhost'
  | 'loopback'
  | 'private'
  | 'linkLocal'
  | 'uniqueLocal'
  | 'unspecified'
  | 'localDomain'
  | 'singleLabel';

const ipv4Reason = (a: number, b: number): BypassReason | null => {
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 169 && b === 254) return 'linkLocal';
  if (a === 0) return 'unspecified';
  return null;
};

const ipv6Reason = (g: readonly number[]): BypassReason | null => {
  const first = g[0] ?? 0;
  const zeroPrefix = g.slice(0, 5).every((x) => x === 0);
  if (zeroPrefix && g[5] === 0 && g[6] === 0) {
    if (g[7] === 0) return 'unspecified';
    if (g[7] === 1) return 'loopback';
  }
  // IPv4-mapped (::ffff:a.b.c.d): the browser connects to the IPv4 address, so classify that.
  if (zeroPrefix && g[5] === 0xffff) return ipv4Reason((g[6] ?? 0) >> 8, (g[6] ?? 0) & 0xff);
  if ((first & 0xffc0) === 0xfe80) return 'linkLocal';
  if ((first & 0xfe00) === 0xfc00) return 'uniqueLocal';
  return null;
};

/**
 * The bypass reason for a host, or null when rules decide. `bypassHosts` (the account service's hosts) match
 * exactly, not their subdomains. Single-label names (`intranet`, `router`) are treated as local: they only
 * resolve through the local network's search domains, so a gateway could never reach them.
 */
export const bypassReason = (rawHost: string, bypassHosts: readonly string[]): BypassReason | null => {
  const host = normalizeHost(rawHost);
  if (bypassHosts.some((b) => normalizeHost(b) === host)) return 'accountService';
  const v4 = parseIPv4(host);
  if (v4) return ipv4Reason(v4[0], v4[1]);
  const v6 = parseIPv6(host);
  if (v6) return ipv6Reason(v6);
  if (host === 'localhost' || host.endsWith('.localhost')) return 'localhost';
  if (host.endsWith('.local')) return 'localDomain';
  if (!host.includes('.')) return 'singleLabel';
  return null;
};
