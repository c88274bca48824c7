// IP addresses, parsed and classified in one place (see ipAddress.ts and ipRange.ts).
export { parseIPv4, parseIPv6, parseIp, formatIp, type IpAddress, type IPv4Octets } from './ipAddress';
export {
  ipRange,
  ipv4Range,
  ipv6Range,
  embeddedIPv4,
  type IpRange,
  type IPv4Range,
  type IPv6Range,
} from './ipRange';
