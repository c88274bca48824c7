import type { CanonicalUrl } from './canonicalize';
import { isDottedQuad } from './ipv4';

// Safe Browsing "Suffix/Prefix Expressions": a list entry "b.c/1/" covers every URL whose host ends in
// b.c and whose path starts with /1/, yet a lookup stays a handful of exact set probes.

const MAX_HOST_COMPONENTS = 5;
const MAX_PATH_PREFIX_COMPONENTS = 4;

const isIpLiteral = (host: string): boolean => isDottedQuad(host) || host.startsWith('[');

/** The exact host, then up to four suffixes built from its last five components; never the TLD alone. */
export function hostSuffixes(host: string): string[] {
  if (isIpLiteral(host)) return [host];
  const labels = host.split('.');
  const suffixes = [host];
  for (let start = Math.max(1, labels.length - MAX_HOST_COMPONENTS); start < labels.length - 1; start++) {
    suffixes.push(labels.slice(start).join('.'));
  }
  return suffixes;
}

/** The exact path with and without its query, then '/' and up to three directory prefixes. */
export function pathPrefixes(path: string, query: string | null): string[] {
  const prefixes: string[] = [];
  if (query !== null && query !== '') prefixes.push(`${path}?${query}`);
  prefixes.push(path);
  const components = path.split('/').filter((part) => part !== '');
  const directories = Math.min(components.length, MAX_PATH_PREFIX_COMPONENTS);
  for (let count = 0; count < directories; count++) {
    const prefix = count === 0 ? '/' : `/${components.slice(0, count).join('/')}/`;
    if (prefix !== path) prefixes.push(prefix);
  }
  return prefixes;
}

/** The expression that names one canonical URL in a list: host, path and query, without scheme or port. */
export const urlExpression = (url: CanonicalUrl): string =>
  url.host + url.path + (url.query === null || url.query === '' ? '' : `?${url.query}`);

/** Every host-suffix/path-prefix combination to look up for a canonical URL, most specific first. */
export function lookupExpressions(url: CanonicalUrl): string[] {
  const paths = pathPrefixes(url.path, url.query);
  return hostSuffixes(url.host).flatMap((host) => paths.map((path) => host + path));
}
