import { canonicalize } from './canonicalize';
import { hostSuffixesOf } from './domains';
import { lookupExpressions } from './expressions';
import { tagOf, type ThreatSnapshot } from './snapshot';
import type { ThreatType } from './types';

export interface ThreatMatch {
  kind: 'domain' | 'url';
  /** The listed domain or URL expression that matched. */
  entry: string;
  threat: ThreatType;
  list: string;
}

export interface ThreatMatcher {
  /** The entry a navigated URL hits, or null. Domain entries win over URL entries, the closest host first. */
  match(url: string): ThreatMatch | null;
}

/** Indexes a snapshot once (two hash sets) so each navigation costs a dozen lookups. */
export function createMatcher(snapshot: ThreatSnapshot): ThreatMatcher {
  const domains = new Set(snapshot.domains);
  const urls = new Set(snapshot.urls);
  const found = (kind: ThreatMatch['kind'], entry: string): ThreatMatch => ({
    kind,
    entry,
    ...tagOf(snapshot, entry),
  });
  return {
    match(url) {
      const canonical = canonicalize(url);
      if (!canonical.ok) return null;
      const domain = hostSuffixesOf(canonical.value.host).find((host) => domains.has(host));
      if (domain !== undefined) return found('domain', domain);
      const expression = lookupExpressions(canonical.value).find((candidate) => urls.has(candidate));
      return expression === undefined ? null : found('url', expression);
    },
  };
}
