import { RequestError } from 'proxy-chain';

// What the HTTP/2 path does as proxy-chain does for HTTP/1.1: read the credential from `Proxy-Authorization`,
// and answer a refusal.

/** The password of a `Basic` Proxy-Authorization ('' when there is none), or null when the header is malformed. */
export const basicPassword = (header: string | string[] | undefined): string | null => {
  if (header === undefined) return '';
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(value ?? '');
  if (match?.[1] === undefined) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : decoded.slice(colon + 1);
};

export interface ProxyAnswer {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
}

/**
 * A refusal (a RequestError from the admission, with its status, headers and message) or an unexpected
 * failure (500), as proxy-chain answers them: plain text, and `Proxy-Authenticate` on a 407 so the browser
 * asks the extension for the credential.
 */
export const answerOf = (error: unknown, realm: string): ProxyAnswer => {
  const known = error instanceof RequestError;
  const status = known ? error.statusCode : 500;
  const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
  for (const [name, value] of Object.entries(known ? (error.headers ?? {}) : {}))
    headers[name.toLowerCase()] = value;
  if (status === 407 && headers['proxy-authenticate'] === undefined)
    headers['proxy-authenticate'] = `Basic realm="${realm}"`;
  return { status, headers, body: known ? error.message : 'Internal error in proxy server' };
};
