/**
 * Host strings as the routing code sees them. Callers pass `URL.hostname` (already lowercase, punycode, IPv6 in
 * canonical compressed form); we still fold case, brackets and trailing dots here because the PAC engine hands
 * us the host exactly as typed into the address bar in some browsers, and both sides must agree.
 */
export const normalizeHost = (host: string): string => {
  const h = host.toLowerCase().replace(/\.+$/, '');
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
};

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Dotted-decimal IPv4 only: browsers canonicalise `0x7f.1` and friends to this form before routing. */
export const parseIPv4 = (host: string): [number, number, number, number] | null => {
  const m = IPV4.exec(host);
  if (!m) return null;
  const parts = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number];
  return parts.every((p) => p <= 255) ? parts : null;
};

const HEXTET = /^[0-9a-f]{1,4}$/;

/** An IPv6 literal as eight 16-bit groups (with `::` expanded and a trailing dotted IPv4 folded in), or null. */
export const parseIPv6 = (host: string): number[] | null => {
  if (!host.includes(':')) return null;
  const halves = host.split('::');
  if (halves.length > 2) return null;
  const groups = (text: string | undefined): number[] | null => {
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
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
};

export const isIpLiteral = (host: string): boolean => parseIPv4(host) !== null || parseIPv6(host) !== null;
