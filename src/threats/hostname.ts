import { ipv4Range, ipv6Range, parseIPv4, parseIPv6, type IPv4Range, type IPv6Range } from '../net';
import { isDottedQuad } from './ipv4';

// Validation for hosts that a feed asks us to block. A bad entry here would either never match (wasted
// rules) or, worse, match something the user owns: a router, a dev server, a whole public suffix.

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** An ASCII (punycode) DNS name of at least two labels with an alphabetic top-level label. */
export function isValidHostname(host: string): boolean {
  if (host.length > 253) return false;
  const labels = host.split('.');
  const tld = labels[labels.length - 1];
  if (labels.length < 2 || tld === undefined || !TLD.test(tld)) return false;
  return labels.every((label) => LABEL.test(label));
}

const RESERVED_NAMES = new Set([
  'localhost',
  'localhost.localdomain',
  'local',
  'localdomain',
  'broadcasthost',
  'ip6-localhost',
  'ip6-loopback',
  'ip6-localnet',
  'ip6-mcastprefix',
  'ip6-allnodes',
  'ip6-allrouters',
  'wpad',
  'example.com',
  'example.net',
  'example.org',
]);
const RESERVED_SUFFIXES = [
  '.localhost',
  '.local',
  '.localdomain',
  '.internal',
  '.lan',
  '.home.arpa',
  '.test',
  '.invalid',
  '.example',
  '.arpa',
];

// Addresses that never name a remote threat but do name the user's own machine or network (or nothing at all):
// a feed listing one is wrong. Documentation and benchmarking blocks are not here; feeds and tests use them.
const reservedIPv4 = new Set<IPv4Range>([
  'thisNetwork',
  'private',
  'sharedAddressSpace',
  'loopback',
  'linkLocal',
  'multicast',
  'limitedBroadcast',
  'reserved',
]);

const isReservedIPv4 = (host: string): boolean => {
  const octets = parseIPv4(host);
  return octets === null || reservedIPv4.has(ipv4Range(octets));
};

// Only the global unicast space (2000::/3) names a remote host; these are the blocks outside it.
const reservedIPv6 = new Set<IPv6Range>([
  'unspecified',
  'loopback',
  'ipv4Mapped',
  'ipv4Translated',
  'ipv4Compatible',
  'nat64',
  'nat64Local',
  'discardOnly',
  'dummy',
  'uniqueLocal',
  'linkLocal',
  'siteLocal',
  'multicast',
  'reserved',
]);

const isReservedIPv6 = (bracketed: string): boolean => {
  const groups = bracketed.endsWith(']') ? parseIPv6(bracketed.slice(1, -1)) : null;
  return groups === null || reservedIPv6.has(ipv6Range(groups));
};

/** Loopback, private, link-local and special-use names and addresses. */
export function isReservedHost(host: string): boolean {
  if (isDottedQuad(host)) return isReservedIPv4(host);
  if (host.startsWith('[')) return isReservedIPv6(host);
  return RESERVED_NAMES.has(host) || RESERVED_SUFFIXES.some((suffix) => host.endsWith(suffix));
}
