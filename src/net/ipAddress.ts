/**
 * IP literals as text, parsed once for the whole project: the extension's routing (src/rules), the threat-list
 * validation (src/threats) and the gateway's destination policy (server/gateway) all read addresses through
 * here. Pure: no Node or browser API. The PAC runtime (src/pac/runtime.ts) carries an ES5 copy of this parser
 * because a PAC runs in a bare sandbox; test/unit/pac checks that both agree.
 */

export type IPv4Octets = [number, number, number, number];

export type IpAddress = { family: 4; octets: IPv4Octets } | { family: 6; groups: number[] };

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Dotted-decimal IPv4 only. Browsers and WHATWG `URL` canonicalise `0x7f.1` and friends to this form before a
 * host reaches routing or the gateway; the legacy spellings are `canonicalIPv4` in src/threats.
 */
export const parseIPv4 = (text: string): IPv4Octets | null => {
  const m = IPV4.exec(text);
  if (!m) return null;
  const parts: IPv4Octets = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  return parts.every((p) => p <= 255) ? parts : null;
};

const HEXTET = /^[0-9a-f]{1,4}$/i;

const groupsOf = (text: string | undefined): number[] | null => {
  if (text === undefined || text === '') return [];
  const out: number[] = [];
  const parts = text.split(':');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIPv4(part);
      if (!v4) return null;
      out.push(v4[0] * 256 + v4[1], v4[2] * 256 + v4[3]);
    } else if (HEXTET.test(part)) {
      out.push(parseInt(part, 16));
    } else {
      return null;
    }
  }
  return out;
};

/**
 * An IPv6 literal (no brackets, no zone id) as eight 16-bit groups, with `::` expanded and a trailing dotted
 * IPv4 folded in as the last two groups (so `::127.0.0.1` is `::7f00:1`, as RFC 4291 writes it), or null.
 */
export const parseIPv6 = (text: string): number[] | null => {
  if (!text.includes(':')) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = groupsOf(halves[0]);
  const tail = groupsOf(halves[1]);
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
};

/** Either family; square brackets around an IPv6 literal (`[::1]`, as in URLs) are accepted. */
export const parseIp = (text: string): IpAddress | null => {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const octets = parseIPv4(bare);
  if (octets) return { family: 4, octets };
  const groups = parseIPv6(bare);
  return groups ? { family: 6, groups } : null;
};

/** The canonical text: dotted quad, or RFC 5952 compressed lowercase IPv6 (no brackets). */
export const formatIp = (address: IpAddress): string => {
  if (address.family === 4) return address.octets.join('.');
  const g = address.groups;
  // The longest run of two or more zero groups becomes `::` (the first such run on a tie).
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  const hex = (from: number, to: number) =>
    g
      .slice(from, to)
      .map((x) => x.toString(16))
      .join(':');
  return bestStart < 0 ? hex(0, 8) : `${hex(0, bestStart)}::${hex(bestStart + bestLength, 8)}`;
};
