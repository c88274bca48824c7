import { canonicalize } from './canonicalize';
import { urlExpression } from './expressions';
import { isReservedHost, isValidHostname } from './hostname';
import { suffixStatus } from './publicSuffix';
import { isDottedQuad } from './ipv4';
import type { PopularIndex } from './popular';

// Turning one raw feed value into one canonical entry value, or the reason it cannot be one.

export type RejectReason =
  | 'malformed'
  | 'not-a-domain'
  | 'ip-address'
  | 'invalid-hostname'
  | 'invalid-url'
  | 'unsupported-scheme'
  | 'reserved-host'
  | 'unknown-tld'
  | 'public-suffix'
  | 'popular-domain'
  | 'popular-host-root';

export type Checked = { ok: true; value: string } | { ok: false; reason: RejectReason };

const rejected = (reason: RejectReason): Checked => ({ ok: false, reason });

function checkHostName(host: string): RejectReason | null {
  if (isReservedHost(host)) return 'reserved-host';
  if (!isValidHostname(host)) return 'invalid-hostname';
  const suffix = suffixStatus(host);
  if (suffix === 'unknown') return 'unknown-tld';
  if (suffix === 'suffix') return 'public-suffix';
  return null;
}

/** A host to block whole. IP addresses are refused: a domain feed that lists one is not domain-level. */
export function checkDomain(raw: string, popular: PopularIndex): Checked {
  const name = raw.startsWith('*.') ? raw.slice(2) : raw;
  if (name === '' || /[/?#@:\s]/.test(name)) return rejected('not-a-domain');
  const canonical = canonicalize(`http://${name}/`);
  if (!canonical.ok) return rejected('not-a-domain');
  const host = canonical.value.host;
  if (isDottedQuad(host) || host.startsWith('[')) return rejected('ip-address');
  const problem = checkHostName(host);
  if (problem !== null) return rejected(problem);
  if (popular.wouldBlock(host)) return rejected('popular-domain');
  return { ok: true, value: host };
}

/**
 * A URL to block as its Safe Browsing expression. IP hosts are fine here (botnet payloads live on them),
 * but not private ones; on a popular host a bare '/' would cover the whole site, so it is refused.
 */
export function checkUrl(raw: string, popular: PopularIndex): Checked {
  const canonical = canonicalize(raw);
  if (!canonical.ok) return rejected('invalid-url');
  const { scheme, host, path, query } = canonical.value;
  if (scheme !== 'http' && scheme !== 'https') return rejected('unsupported-scheme');
  if (isDottedQuad(host) || host.startsWith('[')) {
    if (isReservedHost(host)) return rejected('reserved-host');
  } else {
    const problem = checkHostName(host);
    if (problem !== null) return rejected(problem);
  }
  if (path === '/' && (query === null || query === '') && popular.covers(host))
    return rejected('popular-host-root');
  return { ok: true, value: urlExpression(canonical.value) };
}
