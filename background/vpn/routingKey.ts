import { pruneAskAnswers, type AskAnswers } from '../../src/rules';
import type { Settings } from '../../src/settings';
import type { ConnectionState } from '../../src/status';
import { sha256Hex } from '../../src/threats';
import type { RoutingPlan } from './routingPlan';

/** Everything the browser's routing is compiled from, short of the category lists those settings select. */
export interface RoutingKeyInput {
  /** The build: the bundled category lists and the PAC compiler come with it. */
  extensionVersion: string;
  settings: Pick<Settings, 'vpnEnabled' | 'siteRules' | 'categoryActions'>;
  plan: RoutingPlan;
  /** WebRTC protection follows it. */
  state: ConnectionState;
  bypassHosts: readonly string[];
  askAnswers: AskAnswers;
  now: number;
}

/**
 * A hash of the inputs of the routing applied to the browser: equal hashes compile to the same PAC and WebRTC
 * policy. Ask answers count only while they last (the PAC leaves out expired ones), in a fixed order.
 */
export function routingKey(input: RoutingKeyInput): Promise<string> {
  const liveAnswers = Object.entries(pruneAskAnswers(input.askAnswers, input.now)).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return sha256Hex(
    JSON.stringify([
      input.extensionVersion,
      input.plan,
      input.state,
      input.settings.vpnEnabled,
      input.settings.siteRules,
      input.settings.categoryActions,
      input.bypassHosts,
      liveAnswers,
    ]),
  );
}
