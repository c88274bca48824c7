import { GATEWAY_CHECK_HOST } from '../../src/api/proxyCredential';
import type { CategoryDb } from '../../src/categories';
import {
  nextAskExpiry,
  decideRoute,
  indexSiteRules,
  type AskAnswers,
  type RouteContext,
  type RouteDecision,
} from '../../src/rules';
import type { Settings, SiteAction } from '../../src/settings';
import { transition, type ConnectionEvent, type ConnectionRecord } from '../../src/status';
import type { Platform, ProxyConfig } from '../platform';
import type { SettingsStore } from '../settingsStore';
import type { ConnectionStore } from './connectionStore';
import { chooseGateway, type ActiveGateway, type ServiceGateway } from './gateway';
import { planRouting, type RoutingPlan } from './routingPlan';

/** Fires when a remembered "ask" answer runs out, so routing is recompiled without it. */
export const ASK_EXPIRY_ALARM = 'ask-expiry';

/** What routing is compiled from: the plan plus everything `decideRoute` needs. */
export interface RoutingInput {
  plan: RoutingPlan;
  context: RouteContext;
}

export interface VpnDeps {
  platform: Platform;
  settings: SettingsStore;
  connection: ConnectionStore;
  /** The category database for the categories that currently have an action (loaded lazily). */
  categories(settings: Settings): Promise<CategoryDb>;
  gateways(): Promise<ServiceGateway[]>;
  askAnswers(): Promise<AskAnswers>;
  /** Hosts that never go through the VPN: the account service's. */
  bypassHosts(): Promise<string[]>;
  /** Turns routing into a browser proxy configuration (a PAC script on Chrome). */
  compile(input: RoutingInput): ProxyConfig;
  /** Told about every routing change (Firefox decides per request from this). */
  onRouting?(input: RoutingInput): void;
}

/**
 * The secure connection: keeps the state machine, the browser's proxy settings, WebRTC protection and the
 * gateway check in step. Every change ends in `applyRouting`, so routing always matches the stored state.
 */
export function createVpnService(deps: VpnDeps) {
  const { platform } = deps;
  const now = () => platform.now().getTime();
  let checking: Promise<ConnectionRecord> | null = null;

  const activeGateway = async (settings: Settings): Promise<ActiveGateway | null> =>
    chooseGateway(settings, await deps.gateways());

  const routingInput = async (settings: Settings, record: ConnectionRecord): Promise<RoutingInput> => ({
    plan: planRouting(settings, record, await activeGateway(settings)),
    context: {
      vpnEnabled: settings.vpnEnabled,
      bypassHosts: await deps.bypassHosts(),
      // The gateway's check host must always reach the gateway: that is how the connection is tested.
      siteRules: indexSiteRules([
        ...settings.siteRules,
        { pattern: `=${GATEWAY_CHECK_HOST}`, action: 'always' },
      ]),
      categories: await deps.categories(settings),
      categoryActions: settings.categoryActions,
      askAnswers: await deps.askAnswers(),
      now: now(),
    },
  });

  /** Re-applies the browser's proxy settings and WebRTC policy for the current settings and state. */
  const applyRouting = async (): Promise<void> => {
    const [settings, record] = await Promise.all([deps.settings.get(), deps.connection.get()]);
    const input = await routingInput(settings, record);
    deps.onRouting?.(input);
    await platform.proxy.apply(deps.compile(input));
    // The PAC drops "ask" answers that expired when it was compiled: recompile when the next one does.
    const nextExpiry = nextAskExpiry(input.context.askAnswers, input.context.now);
    if (nextExpiry !== null) await platform.wakeAt(ASK_EXPIRY_ALARM, nextExpiry + 1);
    await platform.setWebRtcProtection(record.state === 'on');
  };

  const notifyChange = async (before: ConnectionRecord, after: ConnectionRecord) => {
    const { notifications } = await deps.settings.get();
    const t = platform.translate;
    if (after.state === 'error' && before.state === 'on' && notifications.connectionLost) {
      await platform.notifier.show(
        'connection-lost',
        t('notifyConnectionLostTitle'),
        t(`errorReason_${after.reason ?? 'gatewayUnreachable'}`),
      );
    }
    if (after.state === 'limit' && before.state !== 'limit' && notifications.limitReached) {
      await platform.notifier.show('limit-reached', t('notifyLimitTitle'), t('notifyLimitMessage'));
    }
  };

  /** Moves the state machine and persists the result; true when the state changed. */
  const move = async (event: ConnectionEvent): Promise<boolean> => {
    const before = await deps.connection.get();
    const after = transition(before, event, now());
    if (after === before) return false;
    await deps.connection.set(after);
    await notifyChange(before, after);
    return true;
  };

  /** Moves the state machine and, when it changed, re-applies routing for the new state. */
  const dispatch = async (event: ConnectionEvent): Promise<ConnectionRecord> => {
    if (await move(event)) await applyRouting();
    return deps.connection.get();
  };

  /** Asks the gateway who we are; single-flight, so a burst of proxy errors costs one check. */
  const checkConnection = (): Promise<ConnectionRecord> => {
    checking ??= (async () => {
      const settings = await deps.settings.get();
      const record = await deps.connection.get();
      if (!settings.vpnEnabled || record.state === 'off' || record.state === 'loggedOut') return record;
      if (!(await activeGateway(settings))) return dispatch({ type: 'failed', reason: 'noGateway' });
      const result = await platform.checkGateway();
      if (result.ok)
        return dispatch(
          result.exitAddress === undefined
            ? { type: 'healthy' }
            : { type: 'healthy', exitAddress: result.exitAddress },
        );
      if (result.reason === 'limit')
        return dispatch({ type: 'limitReached', resetAt: result.resetAt ?? now() + 86_400_000 });
      return dispatch({
        type: 'failed',
        reason: result.reason === 'refused' ? 'credentialsRefused' : 'gatewayUnreachable',
      });
    })().finally(() => {
      checking = null;
    });
    return checking;
  };

  const setVpnEnabled = async (on: boolean): Promise<ConnectionRecord> => {
    await deps.settings.update({ vpnEnabled: on });
    await move({ type: on ? 'enable' : 'disable' });
    // Routing changes with the switch even when the state does not (e.g. "always" rules while off).
    await applyRouting();
    return on ? checkConnection() : deps.connection.get();
  };

  /** Adds or replaces the site rule for one host, as the popup's one-click buttons do. */
  const setSiteRule = async (pattern: string, action: SiteAction | null): Promise<Settings> => {
    const { siteRules } = await deps.settings.get();
    const others = siteRules.filter((rule) => rule.pattern !== pattern);
    const next = await deps.settings.update({
      siteRules: action ? [...others, { pattern, action }] : others,
    });
    await applyRouting();
    return next;
  };

  const decide = async (host: string): Promise<RouteDecision> => {
    const [settings, record] = await Promise.all([deps.settings.get(), deps.connection.get()]);
    return decideRoute(host, (await routingInput(settings, record)).context);
  };

  return {
    applyRouting,
    dispatch,
    checkConnection,
    setVpnEnabled,
    setSiteRule,
    decide,
    activeGateway: async () => activeGateway(await deps.settings.get()),
    connection: () => deps.connection.get(),
  };
}

export type VpnService = ReturnType<typeof createVpnService>;
