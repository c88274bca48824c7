import { decideRoute } from '../../src/rules';
import type { BrowserRouting } from './browserRouting';
import type { RoutingInput } from './vpnService';

/** A proxy as Firefox's `proxy.onRequest` takes it. */
export type RequestProxy = { type: 'direct' } | { type: 'https' | 'http'; host: string; port: number };

/**
 * Firefox's side of routing: no PAC; `proxy.onRequest` asks about every request and this answers from the
 * routing last applied, kept in memory (a woken worker applies routing before it answers), by the same
 * decision the PAC mirrors on Chrome.
 */
export function createPerRequestRouting(now: () => number) {
  let latest: { key: string; input: RoutingInput } | null = null;

  const routing: BrowserRouting = {
    holds: async (key) => latest?.key === key,
    apply: async (key, input) => {
      latest = { key, input };
      return async () => undefined;
    },
  };

  /** Where a request to `url` goes: direct, or the gateway (then direct too, unless the kill switch is on). */
  const route = (url: string): RequestProxy | RequestProxy[] => {
    const target = latest?.input.plan.target;
    if (!latest || !target) return { type: 'direct' };
    const { plan, context } = latest.input;
    const decision = decideRoute(new URL(url).hostname, {
      ...context,
      vpnEnabled: plan.vpnEnabled,
      now: now(),
    });
    if (decision.effective === 'direct') return { type: 'direct' };
    const proxy: RequestProxy = {
      type: target.scheme === 'HTTPS' ? 'https' : 'http',
      host: target.host,
      port: target.port,
    };
    return plan.failClosed ? [proxy] : [proxy, { type: 'direct' }];
  };

  return { routing, route };
}
