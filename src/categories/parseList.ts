const DOMAIN = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)+$/;

/**
 * Domains from a list file: one per line, `#` comments and blanks skipped, lowercased. Lines that are not a
 * multi-label domain name (IP addresses, single labels, junk) are dropped: a single label like `com` would put
 * a whole top-level domain into a category.
 */
export const parseDomainList = (text: string): string[] => {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim().toLowerCase().replace(/\.$/, '');
    if (line === '' || line.startsWith('#') || line.length > 253) continue;
    if (!DOMAIN.test(line) || /^[\d.]+$/.test(line)) continue;
    out.push(line);
  }
  return out;
};
