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
  const dots: number[] = [];
  for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) dots.push(dot);
  const suffixes = [host];
  // The suffix after dot i has dots.length - i components: keep 2 to MAX_HOST_COMPONENTS of them.
  for (let i = Math.max(0, dots.length - MAX_HOST_COMPONENTS); i < dots.length - 1; i++) {
    suffixes.push(host.slice((dots[i] as number) + 1));
  }
  return suffixes;
}

/** The exact path with and without its query, then '/' and up to three directory prefixes. */
export function pathPrefixes(path: string, query: string | null): string[] {
  const prefixes: string[] = [];
  if (query !== null && query !== '') prefixes.push(`${path}?${query}`);
  prefixes.push(path);
  // A canonical path has no empty segments, so the text up to its k-th slash is the k-th directory prefix.
  let slash = path.indexOf('/');
  for (let count = 0; slash !== -1 && count < MAX_PATH_PREFIX_COMPONENTS; count++) {
    if (slash !== path.length - 1) prefixes.push(path.slice(0, slash + 1));
    slash = path.indexOf('/', slash + 1);
  }
  return prefixes;
}

/** The expression that names one canonical URL in a list: host, path and query, without scheme or port. */
export const urlExpression = (url: CanonicalUrl): string =>
  url.host + url.path + (url.query === null || url.query === '' ? '' : `?${url.query}`);

/** Every host-suffix/path-prefix combination to look up for a canonical URL, most specific first. */
export function lookupExpressions(url: CanonicalUrl): string[] {
  const paths = pathPrefixes(url.path, url.query);
  const expressions: string[] = [];
  for (const host of hostSuffixes(url.host)) for (const path of paths) expressions.push(host + path);
  return expressions;
}
