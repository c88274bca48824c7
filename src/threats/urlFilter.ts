import { isDottedQuad } from './ipv4';

// A URL entry becomes one DNR urlFilter that matches (a slight superset of) what the Safe Browsing
// expression matches, without a regex: regex rules are capped at 1,000 and we have tens of thousands.

/** Characters Chrome percent-encodes in a path but Safe Browsing canonicalisation leaves bare. */
const CHROME_ESCAPED = /["<>`{}]/g;

const chromeSpelling = (text: string): string =>
  text
    .replace(CHROME_ESCAPED, (char) => '%' + char.charCodeAt(0).toString(16).toUpperCase())
    // '|' anchors a urlFilter and is refused mid-pattern; '*' matches it (and a little more).
    .replace(/\|/g, '*');

export interface UrlFilterCondition {
  urlFilter: string;
  requestDomains?: string[];
}

/**
 * "host/path?query" → a urlFilter:
 * - a query means the exact URL (end anchor '|');
 * - a path ending in '/' is a prefix; any other path ends at a separator ('^': '?', '/', end…);
 * - a named host is anchored with '||' (the host or a subdomain, as expressions match) and the path must
 *   follow it directly, so a URL with an explicit port escapes the rule — the navigation check catches it;
 * - an IP host is pinned with requestDomains and '*' bridges any port, because botnet payload URLs on
 *   bare addresses nearly always carry one.
 */
export function urlFilterFor(expression: string): UrlFilterCondition {
  const slash = expression.indexOf('/');
  const host = expression.slice(0, slash);
  const rest = expression.slice(slash);
  const end = rest.includes('?') ? '|' : rest.endsWith('/') ? '' : '^';
  const tail = chromeSpelling(rest) + end;
  if (isDottedQuad(host) || host.startsWith('['))
    return { urlFilter: `||${host}*${tail}`, requestDomains: [host] };
  return { urlFilter: `||${host}${tail}` };
}
