import { appError, err, ok, type Result } from '../result';
import { escapeBytes, toByteString, unescapeFully } from './bytes';
import { canonicalHost } from './host';

/** A URL in Safe Browsing canonical form, split into the parts matching needs. */
export interface CanonicalUrl {
  scheme: string;
  /** Lowercase, dots collapsed, IPv4 as a dotted quad, escaped. */
  host: string;
  /** Starts with '/', dot segments resolved, slashes collapsed, escaped. */
  path: string;
  /** Without the '?'; '' when the URL ends in a bare '?', null when it has none. */
  query: string | null;
  href: string;
}

/**
 * A scheme is letters (then letters, digits, + - .) before a ':' — unless what follows the ':' is a port,
 * as in "www.example.com:80/", which is a scheme-less host.
 */
function splitScheme(url: string): { scheme: string | null; rest: string } {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  if (match?.[1] === undefined) return { scheme: null, rest: url };
  const rest = url.slice(match[0].length);
  if (/^\d+(?:\/|$)/.test(rest)) return { scheme: null, rest: url };
  return { scheme: match[1].toLowerCase(), rest };
}

/** RFC 3986 dot-segment removal plus collapsing of empty segments; a trailing '.' or '..' names a directory. */
function canonicalPath(path: string): string {
  // Most paths have nothing to resolve: skip the split and join.
  if (!/\/(?:\.{1,2})?\/|\/\.{1,2}$/.test(path)) return path;
  const segments: string[] = [];
  const parts = path.split('/');
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') segments.pop();
    else segments.push(part);
  }
  if (segments.length === 0) return '/';
  const last = parts[parts.length - 1];
  const directory = last === '' || last === '.' || last === '..';
  return '/' + segments.join('/') + (directory ? '/' : '');
}

const invalidUrl = (reason: string) => err(appError('threatUrlInvalid', 'errorThreatUrlInvalid', [reason]));

/**
 * Canonicalises a URL exactly as Safe Browsing (Update API v4, "Canonicalization") specifies, so a list
 * entry and a navigated URL compare equal however either was spelled. A missing scheme means http.
 * Ports and userinfo are dropped, as in the reference implementation.
 */
export function canonicalize(input: string): Result<CanonicalUrl> {
  const hash = input.indexOf('#');
  const withoutFragment = hash === -1 ? input : input.slice(0, hash);
  const cleaned = withoutFragment.trim().replace(/[\t\r\n]/g, '');
  const url = unescapeFully(toByteString(cleaned));

  const { scheme, rest } = splitScheme(url);
  if (scheme !== null && !rest.startsWith('//')) return invalidUrl('no authority');
  const afterSlashes = scheme === null ? rest : rest.slice(2);

  const questionMark = afterSlashes.indexOf('?');
  const beforeQuery = questionMark === -1 ? afterSlashes : afterSlashes.slice(0, questionMark);
  const query = questionMark === -1 ? null : escapeBytes(afterSlashes.slice(questionMark + 1));

  const slash = beforeQuery.indexOf('/');
  const authority = slash === -1 ? beforeQuery : beforeQuery.slice(0, slash);
  const host = canonicalHost(authority);
  if (host === '') return invalidUrl('no host');
  const path = escapeBytes(canonicalPath(slash === -1 ? '/' : beforeQuery.slice(slash)));

  const finalScheme = scheme ?? 'http';
  const href = `${finalScheme}://${host}${path}${query === null ? '' : '?' + query}`;
  return ok({ scheme: finalScheme, host, path, query, href });
}
