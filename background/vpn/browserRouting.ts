import type { RoutingInput } from './vpnService';

/**
 * How the browser takes routing: Chrome as one proxy setting (a PAC script, see pacRouting.ts), Firefox per
 * request (see perRequestRouting.ts). `key` is a hash of the routing's inputs (routingKey.ts).
 */
export interface BrowserRouting {
  /** True when the browser still holds the routing applied for `key`: there is nothing to do. */
  holds(key: string): Promise<boolean>;
  /**
   * Hands the browser the routing for `input`; the function returned records it as applied for `key`, to be
   * called once everything that goes with it (WebRTC protection) is set too.
   */
  apply(key: string, input: RoutingInput): Promise<() => Promise<void>>;
}
