import { decodeUtf8, escapeBytes } from './bytes';
import { embeddedIPv4, ipv6Range, parseIPv6 } from '../net';
import { canonicalIPv4 } from './ipv4';

// Characters the WHATWG URL parser treats as structure inside a host: when one is present the browser's
// IDNA step would mis-split the name, so such hosts are escaped byte for byte instead.
const UNSAFE_FOR_IDNA = /[\x00-\x20#%/:<>?@[\\\]^|\x7f]/; // eslint-disable-line no-control-regex

/** Only ASCII letters: String#toLowerCase would also fold Latin-1 letters, which here are raw bytes. */
const asciiLowerCase = (bytes: string): string => bytes.replace(/[A-Z]+/g, (run) => run.toLowerCase());

/** IDNA via the platform's URL parser (present in browsers and Node alike), or null if it refuses. */
function toPunycode(bytes: string): string | null {
  const text = decodeUtf8(bytes);
  if (text === null || UNSAFE_FOR_IDNA.test(text)) return null;
  try {
    return new URL(`http://${text}/`).hostname;
  } catch {
    return null;
  }
}

/** IPv6 literals in compressed form; IPv4-mapped and NAT64 addresses become the IPv4 they carry. */
function canonicalIPv6(bracketed: string): string {
  let hostname: string;
  try {
    hostname = new URL(`http://${bracketed}/`).hostname;
  } catch {
    return escapeBytes(asciiLowerCase(bracketed));
  }
  const groups = parseIPv6(hostname.slice(1, -1));
  if (groups === null) return hostname;
  const range = ipv6Range(groups);
  const embedded = range === 'ipv4Mapped' || range === 'nat64' ? embeddedIPv4(groups) : null;
  return embedded === null ? hostname : embedded.join('.');
}

/**
 * The canonical host for the authority part of an already unescaped URL (a byte string), escaped;
 * '' when nothing is left of it.
 */
export function canonicalHost(authority: string): string {
  let host = authority.slice(authority.lastIndexOf('@') + 1).replace(/^\.+/, '');
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    if (close > 0) return canonicalIPv6(host.slice(0, close + 1));
  }
  // Legacy quirk kept from the reference implementation: 0x80 alone does not make a name Unicode.
  if (/[\x81-\xff]/.test(host)) host = toPunycode(withoutPortAndDots(host)) ?? host;
  host = withoutPortAndDots(host);
  const ip = canonicalIPv4(host);
  return ip ?? escapeBytes(asciiLowerCase(host));
}

/** Drops ":port" and stray dots until neither is left (":." would otherwise need a second pass). */
function withoutPortAndDots(host: string): string {
  for (let current = host; ;) {
    const next = current
      .replace(/(?::\d*)+$/, '')
      .replace(/\.{2,}/g, '.')
      .replace(/^\.+|\.+$/g, '');
    if (next === current) return current;
    current = next;
  }
}
