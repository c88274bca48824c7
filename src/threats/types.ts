// Vocabulary shared by feeds, snapshots, matching and DNR compilation.

export const THREAT_TYPES = ['malware', 'phishing', 'scam', 'unwanted'] as const;
export type ThreatType = (typeof THREAT_TYPES)[number];

/**
 * One listed threat. A 'domain' entry is a canonical host and covers its subdomains; a 'url' entry is a
 * Safe Browsing expression (host + path + query, no scheme or port) and covers what that expression covers.
 */
export interface ThreatEntry {
  kind: 'domain' | 'url';
  value: string;
  threat: ThreatType;
  /** The name of the source list, shown on the warning page. */
  list: string;
}
