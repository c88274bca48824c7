/** Network errors that mean the proxy (our gateway) failed, not the site. */
const PROXY_ERRORS = [
  'net::ERR_PROXY_CONNECTION_FAILED',
  'net::ERR_TUNNEL_CONNECTION_FAILED',
  'net::ERR_PROXY_CERTIFICATE_INVALID',
  'net::ERR_PROXY_AUTH_UNSUPPORTED',
  'net::ERR_MANDATORY_PROXY_CONFIGURATION_FAILED',
  'NS_ERROR_PROXY_CONNECTION_REFUSED',
  'NS_ERROR_UNKNOWN_PROXY_HOST',
];

export const isProxyFailure = (error: string): boolean => PROXY_ERRORS.some((code) => error.includes(code));
