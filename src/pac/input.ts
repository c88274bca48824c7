import type { RouteContext } from '../rules';

/** The gateway every VPN-routed request goes to. `PROXY` (plain HTTP) only for a self-hosted gateway. */
export interface Gateway {
  scheme: 'HTTPS' | 'PROXY';
  host: string;
  port: number;
}

/** Everything `decideRoute` needs, plus where VPN traffic goes and what happens when that gateway is down. */
export interface PacInput extends RouteContext {
  gateway: Gateway;
  /** On: VPN-routed requests fail when the gateway is unreachable. Off: they fall back to a direct connection. */
  killSwitch: boolean;
}
