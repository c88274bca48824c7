import { getDomain } from 'tldts';
import { normalizeHost } from './host';

/**
 * "This site" for a host: its registrable domain by the Public Suffix List *including its private section*, so
 * that on shared hosting each customer is a site of its own (`alice.github.io`, `bucket.s3.amazonaws.com`, not
 * `github.io` or `amazonaws.com`). The host itself when it has none (IP addresses, bare public suffixes,
 * one-word names). The popup's one-click rules and the answers to "ask" are keyed by it.
 */
export const siteKey = (rawHost: string): string => {
  const host = normalizeHost(rawHost);
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
};
