/**
 * How each browser reports a request that an extension's rule (or blocking listener) stopped, as
 * `webRequest.onErrorOccurred` gives it: Chrome names the cause; Firefox reports the request as aborted.
 * An abort can also be the user's (Stop, another navigation): the caller acts only on a URL the threat list
 * names, so mistaking one of those costs nothing.
 */
const BLOCKED_ERRORS = ['net::ERR_BLOCKED_BY_CLIENT', 'NS_ERROR_ABORT', 'NS_ERROR_BLOCKED_BY_POLICY'];

export const isBlockedByExtension = (error: string): boolean =>
  BLOCKED_ERRORS.some((code) => error.includes(code));
