import {
  ipv4Range,
  ipv6Range,
  parseIPv4,
  parseIPv6,
  type IPv4Octets,
  type IPv4Range,
  type IPv6Range,
} from '../net';
import { normalizeHost } from './host';

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

// The extension's policy is deliberately narrower than the gateway's (server/gateway/addresses.ts): only the
// blocks that name the user's own machine or network go direct. Everything else (carrier-grade NAT, documentation,
// multicast, NAT64, …) is left to the rules, and the gateway refuses what it must. The PAC runtime
// (src/pac/runtime.ts, rampartLocalV4/rampartLocalV6) and the fixed-servers bypass list mirror these tables.
const ipv4Bypass: Partial<Record<IPv4Range, BypassReason>> = {
  loopback: 'loopback',
  private: 'private',
  linkLocal: 'linkLocal',
  thisNetwork: 'unspecified',
};

const ipv6Bypass: Partial<Record<IPv6Range, BypassReason>> = {
  unspecified: 'unspecified',
  loopback: 'loopback',
  linkLocal: 'linkLocal',
  uniqueLocal: 'uniqueLocal',
};

const ipv4Reason = (octets: IPv4Octets): BypassReason | null => ipv4Bypass[ipv4Range(octets)] ?? null;

const ipv6Reason = (groups: readonly number[]): BypassReason | null => {
  const range = ipv6Range(groups);
  // IPv4-mapped (::ffff:a.b.c.d): the browser connects to the IPv4 address, so classify that. Other forms that
  // embed IPv4 (NAT64, 6to4, …) are real IPv6 destinations for a browser and stay with the rules.
  if (range === 'ipv4Mapped') {
    const high = groups[6] ?? 0;
    const low = groups[7] ?? 0;
    return ipv4Reason([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  }
  return ipv6Bypass[range] ?? null;
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
  if (v4) return ipv4Reason(v4);
  const v6 = parseIPv6(host);
  if (v6) return ipv6Reason(v6);
  if (host === 'localhost' || host.endsWith('.localhost')) return 'localhost';
  if (host.endsWith('.local')) return 'localDomain';
  if (!host.includes('.')) return 'singleLabel';
  return null;
};
