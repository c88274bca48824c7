// Hosts such as "3279880203", "0x12.0x43.0x44.0x01" or "276.2.3" reach the same server as a dotted quad,
// so a list entry and a navigation must agree on one spelling. The rules follow the legacy inet_aton
// parsing that Safe Browsing's reference implementation uses: up to four parts, each decimal, octal
// (leading 0) or hex (0x); the last part fills the remaining bytes; earlier parts keep their low byte.

const POSSIBLE_IP = /^(?:0x[0-9a-f]+|[0-9.])+$/i;

function parsePart(part: string): number | null {
  let digits: string;
  let radix: number;
  if (/^0x[0-9a-f]+$/i.test(part)) {
    digits = part.slice(2);
    radix = 16;
  } else if (/^0[0-7]*$/.test(part)) {
    digits = part;
    radix = 8;
  } else if (/^[1-9][0-9]*$/.test(part)) {
    digits = part;
    radix = 10;
  } else {
    return null;
  }
  const value = parseInt(digits, radix);
  return value <= 0xffffffff ? value : null;
}

/**
 * The dotted-quad form of an IPv4 host in any legacy spelling, or null when it is not one. (Reading a dotted quad
 * itself, and classifying it, is src/net.)
 */
export function canonicalIPv4(host: string): string | null {
  if (!POSSIBLE_IP.test(host)) return null;
  const parts = host.split('.');
  if (parts.length > 4) return null;
  const bytes: number[] = [];
  for (const [index, part] of parts.entries()) {
    const value = parsePart(part);
    if (value === null) return null;
    const width = index === parts.length - 1 ? 5 - parts.length : 1;
    for (let shift = width - 1; shift >= 0; shift--) bytes.push(Math.floor(value / 2 ** (8 * shift)) & 0xff);
  }
  return bytes.join('.');
}

/** True for a plain dotted quad such as "192.0.2.1" (the canonical form). */
export function isDottedQuad(host: string): boolean {
  return /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(host);
}
