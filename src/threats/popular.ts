import { getDomain } from 'tldts';
import { POPULAR_DOMAINS } from './popularDomains';

/** Answers whether a host belongs to a popular site, which may be blocked by URL but never whole. */
export interface PopularIndex {
  /** The host is popular or part of a popular site (same registrable domain): block by URL only. */
  covers(host: string): boolean;
  /** Blocking this host as a domain would block a popular site or part of it. */
  wouldBlock(host: string): boolean;
}

// Sites are compared by registrable domain (Public Suffix List, private section included), so
// docs.google.com is part of google.com, while bucket.s3.amazonaws.com is a customer's own site.
const registrable = (host: string): string | null =>
  getDomain(host, { allowPrivateDomains: true, validateHostname: false });

export function popularIndex(domains: Iterable<string> = POPULAR_DOMAINS): PopularIndex {
  const exact = new Set<string>();
  const sites = new Set<string>();
  const ancestors = new Set<string>();
  for (const domain of domains) {
    exact.add(domain);
    const site = registrable(domain);
    if (site !== null) sites.add(site);
    for (let dot = domain.indexOf('.'); dot !== -1; dot = domain.indexOf('.', dot + 1))
      ancestors.add(domain.slice(dot + 1));
  }
  const covers = (host: string): boolean => {
    if (exact.has(host)) return true;
    const site = registrable(host);
    return site !== null && sites.has(site);
  };
  return { covers, wouldBlock: (host) => covers(host) || ancestors.has(host) };
}
