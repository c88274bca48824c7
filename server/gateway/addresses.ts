import { embeddedIPv4, formatIp, ipv4Range, ipv6Range, parseIp, type IpAddress } from '../../src/net';

// Destinations a public gateway must never reach on a user's behalf: its own host (through any of its interface
// addresses, public ones included), the provider's private network, link-local metadata services
// (169.254.169.254), and every other special-purpose block of the IANA registries (src/net/ipRange.ts). Refusing
// them stops the gateway from being used to probe or attack what sits behind it (SSRF). The policy is the
// reverse of a block list: only globally reachable unicast passes, so a block IANA adds later is refused until
// the classifier learns it is reachable.

/** Why an address is refused (for logs and tests), or null when the gateway may connect to it. */
export const forbiddenBecause = (
  address: IpAddress,
  isOwnAddress: (address: IpAddress) => boolean = () => false,
): string | null => {
  if (isOwnAddress(address)) return 'own interface address';
  if (address.family === 4) {
    const range = ipv4Range(address.octets);
    return range === 'unicast' ? null : range;
  }
  const range = ipv6Range(address.groups);
  const embedded = embeddedIPv4(address.groups);
  if (embedded !== null) {
    // Judged by the IPv4 address it carries first, so a log says "ipv4Mapped → loopback", not just the form.
    const inner = forbiddenBecause({ family: 4, octets: embedded }, isOwnAddress);
    if (inner !== null) return `${range} → ${inner}`;
    // ::ffff:a.b.c.d is how Node writes an IPv4 destination on a dual-stack socket: the same address. The other
    // forms (NAT64, 6to4, Teredo, compatible, translated) go through translators or relays: refused outright.
    return range === 'ipv4Mapped' ? null : range;
  }
  return range === 'unicast' ? null : range;
};

/** True when `text` is not a public unicast address (or is not an IP address at all: never let that through). */
export const isForbiddenAddress = (
  text: string,
  isOwnAddress: (address: IpAddress) => boolean = () => false,
): boolean => {
  const address = parseIp(text);
  return address === null || forbiddenBecause(address, isOwnAddress) !== null;
};

/** The canonical text of an address for comparing: an IPv4-mapped IPv6 address compares as its IPv4. */
export const addressKey = (address: IpAddress): string => {
  if (address.family === 6 && ipv6Range(address.groups) === 'ipv4Mapped') {
    const embedded = embeddedIPv4(address.groups);
    if (embedded !== null) return embedded.join('.');
  }
  return formatIp(address);
};
