import { parse } from 'tldts';

// Kept apart from hostname.ts so code that only validates names (the background, verifying a snapshot)
// does not bundle the Public Suffix List.

const PSL_OPTIONS = { allowPrivateDomains: true, validateHostname: false } as const;

/**
 * 'unknown' when the top-level domain is not in the Public Suffix List; 'suffix' when the host is itself a
 * public suffix (com, co.uk, github.io), which as a domain entry would block countless unrelated sites.
 */
export function suffixStatus(host: string): 'ok' | 'unknown' | 'suffix' {
  const parsed = parse(host, PSL_OPTIONS);
  if (parsed.isIcann !== true && parsed.isPrivate !== true) return 'unknown';
  return parsed.publicSuffix === host ? 'suffix' : 'ok';
}
