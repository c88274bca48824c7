import { compilePac } from '../../src/pac';
import type { ProxyConfig } from '../platform';
import type { RoutingInput } from './vpnService';

/** Chrome's side of routing: one PAC script, or the browser's own settings when nothing needs a gateway. */
export function compileRouting({ plan, context }: RoutingInput): ProxyConfig {
  if (plan.target === null) return { mode: 'system' };
  return {
    mode: 'pac',
    script: compilePac({
      ...context,
      vpnEnabled: plan.vpnEnabled,
      gateway: plan.target,
      killSwitch: plan.failClosed,
    }),
  };
}
