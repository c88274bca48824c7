import { parseIPv4, parseIPv6 } from '../net/ipAddress';

/**
 * Host strings as the routing code sees them. Callers pass `URL.hostname` (already lowercase, punycode, IPv6 in
 * canonical compressed form); we still fold case, brackets and trailing dots here because the PAC engine hands
 * us the host exactly as typed into the address bar in some browsers, and both sides must agree.
 */
export const normalizeHost = (host: string): string => {
  const h = host.toLowerCase().replace(/\.+$/, '');
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
};

// IP literals are parsed by the project's one parser (src/net); routing re-exports it for its callers.
export { parseIPv4, parseIPv6 };

export const isIpLiteral = (host: string): boolean => parseIPv4(host) !== null || parseIPv6(host) !== null;
