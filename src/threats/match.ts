import { canonicalize } from './canonicalize';
import { hostSuffixesOf } from './domains';
import { hostSuffixes, pathPrefixes } from './expressions';
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

/** Indexes a snapshot once (hash sets) so a navigation costs a few lookups, a dozen on a host with URL entries. */
export function createMatcher(snapshot: ThreatSnapshot): ThreatMatcher {
  const domains = new Set(snapshot.domains);
  const urls = new Set(snapshot.urls);
  // Only hosts that carry URL entries are worth building path expressions for.
  const urlHosts = new Set(snapshot.urls.map((url) => url.slice(0, url.indexOf('/'))));
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
      const hosts = hostSuffixes(canonical.value.host).filter((host) => urlHosts.has(host));
      if (hosts.length === 0) return null;
      const paths = pathPrefixes(canonical.value.path, canonical.value.query);
      for (const host of hosts) {
        for (const path of paths) if (urls.has(host + path)) return found('url', host + path);
      }
      return null;
    },
  };
}
