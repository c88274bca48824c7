import type { IncomingMessage } from 'node:http';

/** What the shape checks read of a request: HTTP/1.1's `IncomingMessage`, or an HTTP/2 stream's headers. */
export type RequestShape = Pick<IncomingMessage, 'rawHeaders' | 'url'>;

// Requests whose meaning depends on who reads them are refused, so the gateway and the destination cannot
// disagree about the target (request smuggling, cache poisoning, or a policy check on one host while another
// is reached).

const hostsOf = (request: RequestShape): string[] => {
  const hosts: string[] = [];
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    if (request.rawHeaders[i]?.toLowerCase() === 'host') hosts.push(request.rawHeaders[i + 1] ?? '');
  }
  return hosts;
};

const authorityOf = (text: string): string | null => {
  try {
    return new URL(`http://${text}/`).host;
  } catch {
    return null;
  }
};

/** Why the request is malformed (answered 400), or null. `isHttp`: plain HTTP in absolute form, not CONNECT. */
export const malformedRequest = (request: RequestShape, isHttp: boolean): string | null => {
  const hosts = hostsOf(request);
  if (hosts.length > 1) return 'more than one Host header';
  const host = hosts[0];
  if (!isHttp || host === undefined) return null;
  // RFC 9112 §3.2.2: a proxy uses the absolute URI; a Host that names something else is a second target.
  let target: string;
  try {
    target = new URL(request.url ?? '').host;
  } catch {
    return 'request target is not an absolute URI';
  }
  return authorityOf(host) === target ? null : 'Host header does not match the request target';
};

/**
 * The header names that belong to the client's hop and must not reach the destination: `Proxy-Connection` (a
 * legacy header browsers still send), `Keep-Alive`, `Connection` and every header it names (RFC 9110 §7.6.1).
 */
export const hopByHopNames = (raw: readonly string[]): Set<string> => {
  const named = new Set(['proxy-connection', 'keep-alive', 'connection']);
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]?.toLowerCase() !== 'connection') continue;
    for (const token of (raw[i + 1] ?? '').split(',')) {
      const name = token.trim().toLowerCase();
      // The request's target must survive whatever the client lists.
      if (name !== '' && name !== 'host') named.add(name);
    }
  }
  return named;
};

/**
 * Drops the hop-by-hop headers (see hopByHopNames) from a request proxy-chain forwards. proxy-chain itself drops
 * `Connection`, `Proxy-Authorization`, `TE`, `Trailer`, `Transfer-Encoding` and `Upgrade`, and forwards from
 * `rawHeaders`, which is edited in place here.
 */
export const stripHopByHop = (request: RequestShape): void => {
  const named = hopByHopNames(request.rawHeaders);
  const raw = request.rawHeaders;
  const kept: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    if (!named.has(raw[i]?.toLowerCase() ?? '')) kept.push(raw[i] ?? '', raw[i + 1] ?? '');
  }
  raw.splice(0, raw.length, ...kept);
};
