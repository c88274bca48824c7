/**
 * Query parameters that carry a bearer secret in a URL someone was mailed or handed: the reset and
 * verification `token`, a link `code`, the extension hand-off `state`. Compared case-insensitively.
 */
export const SECRET_QUERY_PARAMS: readonly string[] = [
  'token',
  'code',
  'state',
  'pendingtoken',
  'refreshtoken',
  'accesstoken',
];

export const REDACTED = '[redacted]';

/**
 * The URL as it may be written to a log: the value of every secret query parameter replaced by
 * `[redacted]`, everything else (path, other parameters, their order and spelling) left as sent. Works on
 * the raw request target, so a malformed escape cannot make it throw.
 */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return url;
  const hashStart = url.indexOf('#', queryStart);
  const end = hashStart === -1 ? url.length : hashStart;
  const query = url
    .slice(queryStart + 1, end)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq === -1 ? pair : pair.slice(0, eq);
      return SECRET_QUERY_PARAMS.includes(decodeName(rawName).toLowerCase())
        ? `${rawName}=${REDACTED}`
        : pair;
    })
    .join('&');
  return `${url.slice(0, queryStart)}?${query}${url.slice(end)}`;
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}
