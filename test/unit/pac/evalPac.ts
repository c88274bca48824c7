import { runInNewContext } from 'node:vm';
import { decideRoute, type RouteDecision } from '../../../src/rules';
import { vpnProxyString, type PacInput } from '../../../src/pac';

export type FindProxy = (url: string, host: string) => string;

/**
 * Runs a PAC in a bare sandbox, as a browser's PAC engine does: no PAC helper functions are provided, so a PAC
 * that called dnsResolve, isInNet or shExpMatch would throw here.
 */
export const loadPac = (pac: string): FindProxy =>
  runInNewContext(`${pac}\nFindProxyForURL`, {}) as FindProxy;

/** What the PAC should return for a decision. */
export const expectedProxy = (decision: RouteDecision, input: PacInput): string =>
  decision.effective === 'vpn' ? vpnProxyString(input) : 'DIRECT';

export const pacAndDecision = (findProxy: FindProxy, input: PacInput, host: string) => ({
  pac: findProxy(`https://${host}/path`, host),
  expected: expectedProxy(decideRoute(host, input), input),
});
