import { err, ok, type Result } from '../result';
import { parseIPv4, parseIPv6 } from './host';
import { patternError } from './patternErrors';

/**
 * What a site rule matches:
 * - `domain` (typed `example.com`): the host and all its subdomains — what people mean by "this site";
 * - `exact` (typed `=example.com`): that host only. IP addresses are always exact;
 * - `subdomains` (typed `*.example.com` or `.example.com`): subdomains only, not `example.com` itself.
 * `host` is canonical: lowercase ASCII (IDN in punycode), no trailing dot, IPv6 without brackets.
 */
export type PatternKind = 'exact' | 'domain' | 'subdomains';
export interface SitePattern {
  kind: PatternKind;
  host: string;
}

const MAX_HOST = 253;
const MAX_LABEL = 63;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
// Letters and digits of any script (IDN), combining marks, '-', '_' (seen in real DNS) and the dots IDNA accepts.
const HOST_CHARS = /^[\p{L}\p{N}\p{M}_.\u3002\uff0e\uff61-]+$/u;
const BAD_CHAR = /[^\p{L}\p{N}\p{M}_.\u3002\uff0e\uff61-]/u;
const CANONICAL_ASCII = /^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/;
const NUMERIC_LABEL = /^(\d+|0x[0-9a-f]*)$/i;

/**
 * A pasted URL may keep its scheme and a bare trailing `/`, nothing else: a rule applies to a whole host, so a
 * path, query or fragment is refused rather than silently dropped (the user may think it narrows the rule).
 */
const stripUrlParts = (text: string): Result<string> => {
  const t = text.replace(SCHEME, '');
  const end = t.search(/[/?#]/);
  if (end < 0) return ok(t);
  const rest = t.slice(end);
  return rest === '/' ? ok(t.slice(0, end)) : err(patternError('pattern_has_path', rest));
};

/** Ports are refused for the same reason as paths: routing is per host, whatever the port. */
const portError = (port: string) =>
  /^\d{1,5}$/.test(port)
    ? err(patternError('pattern_has_port', `:${port}`))
    : err(patternError('pattern_bad_port', port));

const parseIpv6Pattern = (text: string, kind: PatternKind): Result<SitePattern> => {
  let inner = text;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0) return err(patternError('pattern_bad_ip', text));
    const rest = text.slice(close + 1);
    if (rest !== '')
      return rest.startsWith(':') ? portError(rest.slice(1)) : err(patternError('pattern_bad_port', rest));
    inner = text.slice(1, close);
  }
  if (kind === 'subdomains') return err(patternError('pattern_wildcard_ip'));
  if (!parseIPv6(inner.toLowerCase())) return err(patternError('pattern_bad_ip', inner));
  // The URL parser gives the canonical compressed form that browsers hand to the proxy resolver.
  const host = new URL(`http://[${inner}]`).hostname.slice(1, -1);
  return ok({ kind: 'exact', host });
};

const checkAsciiHost = (host: string): Result<string> => {
  if (host.length > MAX_HOST) return err(patternError('pattern_too_long'));
  for (const label of host.split('.')) {
    if (label === '') return err(patternError('pattern_empty_label'));
    if (label.length > MAX_LABEL) return err(patternError('pattern_label_too_long', label));
    if (label.startsWith('-') || label.endsWith('-')) return err(patternError('pattern_hyphen', label));
  }
  return ok(host);
};

const toAsciiHost = (text: string): Result<string> => {
  const lower = text.toLowerCase();
  if (CANONICAL_ASCII.test(lower) && !lower.split('.').some((l) => l.startsWith('xn--'))) return ok(lower);
  let host: string;
  try {
    host = new URL(`http://${text}`).hostname;
  } catch {
    return err(patternError('pattern_invalid_host', text));
  }
  return CANONICAL_ASCII.test(host) ? ok(host) : err(patternError('pattern_invalid_host', text));
};

// Stored rules are nearly always already canonical; one regex recognises them so that indexing 100k rules stays
// fast. Anything unusual (upper case, IDN, IP, URL, a numeric last label) takes the full path below.
const LABEL = '[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?';
const CANONICAL = new RegExp(`^(=|\\*\\.)?((?:${LABEL}\\.)*[a-z_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)$`);
const fastKinds: Record<string, PatternKind> = { '=': 'exact', '*.': 'subdomains' };

/** The pattern if `input` is already in canonical form (then `formatSitePattern` gives `input` back), else null. */
export const parseCanonicalPattern = (input: string): SitePattern | null => {
  const fast = CANONICAL.exec(input);
  return fast?.[2] !== undefined && fast[2].length <= MAX_HOST && !fast[2].includes('xn--')
    ? { kind: fastKinds[fast[1] ?? ''] ?? 'domain', host: fast[2] }
    : null;
};

/** Parses what a user typed (or pasted) into a site pattern, or says precisely what is wrong with it. */
export const parseSitePattern = (input: string): Result<SitePattern> => {
  const canonical = parseCanonicalPattern(input);
  if (canonical) return ok(canonical);
  const trimmed = input.trim();
  if (trimmed === '') return err(patternError('pattern_empty'));
  if (/\s/.test(trimmed)) return err(patternError('pattern_space'));

  let kind: PatternKind = 'domain';
  let text = trimmed;
  if (text.startsWith('=')) {
    kind = 'exact';
    text = text.slice(1);
  }
  const stripped = stripUrlParts(text);
  if (!stripped.ok) return stripped;
  text = stripped.value;
  if (text.includes('@')) return err(patternError('pattern_bad_character', '@'));
  if (kind === 'domain' && (text.startsWith('*.') || (text.startsWith('.') && !text.startsWith('..')))) {
    kind = 'subdomains';
    text = text.slice(text.startsWith('*') ? 2 : 1);
  }
  if (text.includes('*')) return err(patternError('pattern_wildcard_position'));

  const colons = text.split(':').length - 1;
  if (text.startsWith('[') || colons >= 2) return parseIpv6Pattern(text, kind);
  if (colons === 1) return portError(text.slice(text.indexOf(':') + 1));
  if (text.endsWith('.') && !text.endsWith('..')) text = text.slice(0, -1);
  if (text === '') return err(patternError('pattern_empty'));
  if (!HOST_CHARS.test(text))
    return err(patternError('pattern_bad_character', BAD_CHAR.exec(text)?.[0] ?? ''));
  const labels = text.split(/[.\u3002\uff0e\uff61]/);
  if (labels.some((l) => l === '')) return err(patternError('pattern_empty_label'));

  // A numeric last label makes the URL parser read the whole thing as an IPv4 address (`1.2.3` → 1.2.0.3);
  // accept only the plain dotted quad that people actually mean.
  if (NUMERIC_LABEL.test(labels[labels.length - 1] ?? '')) {
    if (!parseIPv4(text)) return err(patternError('pattern_bad_ip', text));
    if (kind === 'subdomains') return err(patternError('pattern_wildcard_ip'));
    return ok({ kind: 'exact', host: labels.map(Number).join('.') });
  }

  const ascii = toAsciiHost(text);
  if (!ascii.ok) return ascii;
  const checked = checkAsciiHost(ascii.value);
  return checked.ok ? ok({ kind, host: checked.value }) : checked;
};

/** The canonical text of a pattern; parsing it again gives the same pattern. */
export const formatSitePattern = (pattern: SitePattern): string => {
  if (pattern.kind === 'subdomains') return `*.${pattern.host}`;
  if (pattern.host.includes(':')) return `[${pattern.host}]`;
  return pattern.kind === 'exact' && parseIPv4(pattern.host) === null ? `=${pattern.host}` : pattern.host;
};

const URL_PART_ERRORS = new Set(['pattern_has_path', 'pattern_has_port', 'pattern_bad_character']);

/** What versions before the port/path refusal kept of a pasted URL: the host (with its `=` or `*.` prefix). */
const legacyHostPart = (text: string): string => {
  const prefix = /^(=|\*\.|\.)?/.exec(text)?.[0] ?? '';
  let t = text.slice(prefix.length).replace(SCHEME, '');
  const end = t.search(/[/?#]/);
  if (end >= 0) t = t.slice(0, end);
  t = t.slice(t.lastIndexOf('@') + 1);
  t = t.startsWith('[') ? t.slice(0, t.indexOf(']') + 1) : t.replace(/:\d{1,5}$/, '');
  return prefix + t;
};

/**
 * Parses a rule that is already stored. Older versions accepted a pasted URL and kept only its host, and a
 * settings file may still hold such text: it keeps meaning that host, so no saved rule is lost on the way to
 * the stricter `parseSitePattern` that what people type now goes through.
 */
export const parseStoredPattern = (input: string): Result<SitePattern> => {
  const strict = parseSitePattern(input);
  if (strict.ok || !URL_PART_ERRORS.has(strict.error.code)) return strict;
  const legacy = parseSitePattern(legacyHostPart(input.trim()));
  return legacy.ok ? legacy : strict;
};
