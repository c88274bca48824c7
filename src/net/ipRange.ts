import ipaddr from 'ipaddr.js';
import type { IpAddress, IPv4Octets } from './ipAddress';

// Which block an address belongs to, named after the IANA IPv4 and IPv6 Special-Purpose Address Registries
// (https://www.iana.org/assignments/iana-ipv4-special-registry, .../iana-ipv6-special-registry) plus
// multicast and the IPv6 space outside 2000::/3 that IANA keeps reserved. Policies (what the extension never
// routes, what the gateway refuses, what a threat feed may not list) pick from these names; they never test
// prefixes themselves. Matching is ipaddr.js's `subnetMatch`: the first listed block that contains the address
// wins, so more specific blocks come before the ones that contain them.

export type IPv4Range =
  | 'thisNetwork' // 0.0.0.0/8
  | 'private' // RFC 1918
  | 'sharedAddressSpace' // 100.64.0.0/10, carrier-grade NAT
  | 'loopback'
  | 'linkLocal' // 169.254.0.0/16, cloud metadata services
  | 'ietfProtocolAssignments' // 192.0.0.0/24 (DS-Lite, NAT64 discovery, …)
  | 'documentation' // TEST-NET-1/2/3
  | 'as112'
  | 'amt'
  | 'sixToFourRelayAnycast' // 192.88.99.0/24, deprecated
  | 'benchmarking' // 198.18.0.0/15
  | 'multicast'
  | 'limitedBroadcast'
  | 'reserved' // 240.0.0.0/4
  | 'unicast'; // none of the above: globally reachable

export type IPv6Range =
  | 'unspecified'
  | 'loopback'
  | 'ipv4Mapped' // ::ffff:0:0/96
  | 'ipv4Translated' // ::ffff:0:0:0/96, RFC 6145 (SIIT)
  | 'ipv4Compatible' // ::/96, deprecated by RFC 4291
  | 'nat64' // 64:ff9b::/96, RFC 6052
  | 'nat64Local' // 64:ff9b:1::/48, RFC 8215
  | 'discardOnly' // 100::/64
  | 'dummy' // 100:0:0:1::/64, RFC 9780
  | 'teredo' // 2001::/32
  | 'benchmarking' // 2001:2::/48
  | 'amt' // 2001:3::/32
  | 'as112' // 2001:4:112::/48, 2620:4f:8000::/48
  | 'orchid' // 2001:10::/28 (deprecated), 2001:20::/28
  | 'droneRemoteId' // 2001:30::/28
  | 'ietfProtocolAssignments' // the rest of 2001::/23
  | 'documentation' // 2001:db8::/32, 3fff::/20
  | 'sixToFour' // 2002::/16
  | 'segmentRouting' // 5f00::/16
  | 'uniqueLocal' // fc00::/7
  | 'linkLocal' // fe80::/10
  | 'siteLocal' // fec0::/10, deprecated
  | 'multicast' // ff00::/8
  | 'reserved' // outside 2000::/3 and all of the above
  | 'unicast'; // in 2000::/3 and none of the above: globally reachable

type Table<Name extends string> = Record<Exclude<Name, 'unicast' | 'reserved'>, string[]> &
  Partial<Record<'reserved', string[]>>;

const ipv4Table: Table<IPv4Range> = {
  thisNetwork: ['0.0.0.0/8'],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'],
  sharedAddressSpace: ['100.64.0.0/10'],
  loopback: ['127.0.0.0/8'],
  linkLocal: ['169.254.0.0/16'],
  ietfProtocolAssignments: ['192.0.0.0/24'],
  documentation: ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24'],
  as112: ['192.31.196.0/24', '192.175.48.0/24'],
  amt: ['192.52.193.0/24'],
  sixToFourRelayAnycast: ['192.88.99.0/24'],
  benchmarking: ['198.18.0.0/15'],
  multicast: ['224.0.0.0/4'],
  limitedBroadcast: ['255.255.255.255/32'],
  reserved: ['240.0.0.0/4'],
};

const ipv6Table: Table<IPv6Range> = {
  unspecified: ['::/128'],
  loopback: ['::1/128'],
  ipv4Mapped: ['::ffff:0:0/96'],
  ipv4Translated: ['::ffff:0:0:0/96'],
  ipv4Compatible: ['::/96'],
  nat64: ['64:ff9b::/96'],
  nat64Local: ['64:ff9b:1::/48'],
  discardOnly: ['100::/64'],
  dummy: ['100:0:0:1::/64'],
  teredo: ['2001::/32'],
  benchmarking: ['2001:2::/48'],
  amt: ['2001:3::/32'],
  as112: ['2001:4:112::/48', '2620:4f:8000::/48'],
  orchid: ['2001:10::/28', '2001:20::/28'],
  droneRemoteId: ['2001:30::/28'],
  ietfProtocolAssignments: ['2001::/23'],
  documentation: ['2001:db8::/32', '3fff::/20'],
  sixToFour: ['2002::/16'],
  segmentRouting: ['5f00::/16'],
  uniqueLocal: ['fc00::/7'],
  linkLocal: ['fe80::/10'],
  siteLocal: ['fec0::/10'],
  multicast: ['ff00::/8'],
};

type RangeList = Parameters<typeof ipaddr.subnetMatch>[1];

const compile = (
  table: Record<string, string[] | undefined>,
  parse: (cidr: string) => [ipaddr.IPv4 | ipaddr.IPv6, number],
): RangeList =>
  Object.fromEntries(Object.entries(table).map(([name, blocks]) => [name, (blocks ?? []).map(parse)]));

const ipv4Ranges = compile(ipv4Table, (cidr) => ipaddr.IPv4.parseCIDR(cidr));
const ipv6Ranges = compile(ipv6Table, (cidr) => ipaddr.IPv6.parseCIDR(cidr));
const globalUnicast = ipaddr.IPv6.parseCIDR('2000::/3');

export const ipv4Range = (octets: Readonly<IPv4Octets>): IPv4Range =>
  ipaddr.subnetMatch(new ipaddr.IPv4([...octets]), ipv4Ranges, 'unicast') as IPv4Range;

export const ipv6Range = (groups: readonly number[]): IPv6Range => {
  const address = new ipaddr.IPv6([...groups]);
  const named = ipaddr.subnetMatch(address, ipv6Ranges, '') as IPv6Range | '';
  if (named !== '') return named;
  return address.match(globalUnicast) ? 'unicast' : 'reserved';
};

export type IpRange = { family: 4; range: IPv4Range } | { family: 6; range: IPv6Range };

export const ipRange = (address: IpAddress): IpRange =>
  address.family === 4
    ? { family: 4, range: ipv4Range(address.octets) }
    : { family: 6, range: ipv6Range(address.groups) };

const fromGroups = (high: number, low: number): IPv4Octets => [high >> 8, high & 0xff, low >> 8, low & 0xff];

/**
 * The IPv4 address an IPv6 address carries, by the block's own rule: the last 32 bits for mapped, translated,
 * compatible and NAT64 (/96, the form RFC 6052 uses for 64:ff9b::/96 and that 64:ff9b:1::/48 is judged by),
 * bits 16–47 for 6to4, and the obfuscated client address (bits 96–127, inverted) for Teredo. Null for any
 * other block.
 */
export const embeddedIPv4 = (groups: readonly number[]): IPv4Octets | null => {
  const g = (i: number) => groups[i] ?? 0;
  switch (ipv6Range(groups)) {
    case 'ipv4Mapped':
    case 'ipv4Translated':
    case 'ipv4Compatible':
    case 'nat64':
    case 'nat64Local':
      return fromGroups(g(6), g(7));
    case 'sixToFour':
      return fromGroups(g(1), g(2));
    case 'teredo':
      return fromGroups(~g(6) & 0xffff, ~g(7) & 0xffff);
    default:
      return null;
  }
};
