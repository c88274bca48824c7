import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Turns a destination host name into addresses; throws when it does not resolve. */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolve: Resolve = async (hostname) => {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

/**
 * For tests and local development: browsers resolve `*.test` names to loopback through
 * `--host-resolver-rules`, but the gateway resolves for itself, so it needs the same mapping.
 * Everything else goes to the system resolver.
 */
export const loopbackTestResolve: Resolve = async (hostname) =>
  /(^|\.)test\.?$/i.test(hostname) && isIP(hostname) === 0
    ? [{ address: '127.0.0.1', family: 4 }]
    : systemResolve(hostname);
