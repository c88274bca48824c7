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

/** Addresses that never name a remote threat but do name the user's own machine or network. */
function isReservedIPv4(host: string): boolean {
  const [a = 0, b = 0] = host.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}

/** Loopback, private, link-local and special-use names and addresses. */
export function isReservedHost(host: string): boolean {
  if (isDottedQuad(host)) return isReservedIPv4(host);
  if (host.startsWith('[')) return !/^\[[23][0-9a-f]{0,3}:/.test(host); // only global unicast is remote
  return RESERVED_NAMES.has(host) || RESERVED_SUFFIXES.some((suffix) => host.endsWith(suffix));
}
