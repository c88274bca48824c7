import type { ConnectionRecord } from '../../src/status';
import type { Settings } from '../../src/settings';
import type { ActiveGateway } from './gateway';

/** Where traffic that should be protected goes. */
export type GatewayTarget = { scheme: 'HTTPS' | 'PROXY'; host: string; port: number };

/**
 * An address that can never be connected to (`.invalid` is reserved and never resolves): routing protected
 * traffic here is how the kill switch fails closed when no working gateway is known.
 */
export const FAIL_CLOSED_TARGET: GatewayTarget = {
  scheme: 'HTTPS',
  host: 'kill-switch.rampart.invalid',
  port: 443,
};

export interface RoutingPlan {
  vpnEnabled: boolean;
  /** Null: nothing goes through a gateway (every host direct). */
  target: GatewayTarget | null;
  /** True: no DIRECT fallback when the gateway fails (kill switch). */
  failClosed: boolean;
}

/**
 * Decides what the proxy configuration must achieve for the current state, before any compiling:
 * - connected or connecting: protected traffic goes to the gateway; with the kill switch there is no fallback;
 * - no usable gateway (signed out, over the limit, none listed): with the kill switch and the VPN wanted,
 *   protected traffic goes nowhere; otherwise it goes direct (turning the VPN off by hand is not a loss).
 */
export function planRouting(
  settings: Pick<Settings, 'vpnEnabled' | 'killSwitch' | 'siteRules' | 'categoryActions'>,
  connection: ConnectionRecord,
  gateway: ActiveGateway | null,
): RoutingPlan {
  // With the VPN off and no rule that can send a site through it, the browser's own settings stay untouched.
  if (!settings.vpnEnabled && !hasVpnRules(settings))
    return { vpnEnabled: false, target: null, failClosed: false };
  const failClosed = settings.killSwitch;
  const usable = gateway !== null && connection.state !== 'limit' && connection.state !== 'loggedOut';
  if (usable) {
    return {
      vpnEnabled: settings.vpnEnabled,
      target: { scheme: gateway.scheme, host: gateway.host, port: gateway.port },
      failClosed,
    };
  }
  if (failClosed && settings.vpnEnabled)
    return { vpnEnabled: true, target: FAIL_CLOSED_TARGET, failClosed: true };
  return { vpnEnabled: false, target: null, failClosed: false };
}

const hasVpnRules = (settings: Pick<Settings, 'siteRules' | 'categoryActions'>): boolean =>
  settings.siteRules.some((rule) => rule.action !== 'never') ||
  Object.values(settings.categoryActions).some((action) => action === 'enable' || action === 'ask');
