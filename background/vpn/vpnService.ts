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
import { SELF_HOSTED_REGION, type Settings, type SiteAction } from '../../src/settings';
import { initialConnection, transition, type ConnectionEvent, type ConnectionRecord } from '../../src/status';
import { stored } from '../../src/storage';
import type { Alarm } from '../alarms';
import type { Platform } from '../platform';
import { createSerialQueue } from '../serialQueue';
import type { SettingsStore } from '../settingsStore';
import { readStored, writeStored } from '../storage/storedValues';
import type { BrowserRouting } from './browserRouting';
import type { ConnectionStore } from './connectionStore';
import { GATEWAY_RETRY_ALARM, type GatewayHealth } from './gatewayHealth';
import { chooseGateway, type ActiveGateway, type ServiceGateway } from './gateway';
import { routingKey } from './routingKey';
import { FAIL_CLOSED_TARGET, planRouting, type RoutingPlan } from './routingPlan';

/** Fires when a remembered "ask" answer runs out, so routing is recompiled without it. */
export const ASK_EXPIRY_ALARM = 'ask-expiry';
/** Checks the connection once a minute. */
const HEALTH_ALARM = 'vpn-health';

/** Pause before the next check while "Connecting…"/"Reconnecting…", by failures so far. */
const RETRY_DELAYS_MS = [1_000, 3_000, 5_000];

/** What routing is compiled from: the plan plus everything `decideRoute` needs. */
export interface RoutingInput {
  plan: RoutingPlan;
  context: RouteContext;
}

/** Where a request to a host goes now; `blocked` when the kill switch stops it (no working gateway). */
export type SiteDecision = RouteDecision & { blocked: boolean };

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
  /** The browser's side of routing: a PAC on Chrome, a decision per request on Firefox. */
  routing: BrowserRouting;
  /** The service's gateways that failed their check, skipped while another is left. */
  health: GatewayHealth;
  /**
   * Fetches what a check through a service gateway needs after a browser restart (a fresh proxy credential,
   * the gateway list): the session's credential is gone.
   */
  refreshAccess(): Promise<unknown>;
}

/**
 * The secure connection: keeps the state machine, the browser's proxy settings, WebRTC protection and the
 * gateway check in step. Every change ends in `applyRouting`, so routing always matches the stored state.
 * State changes run one at a time (a read-modify-write each), and so do routing updates, so the last routing
 * applied is always the one for the latest state.
 */
export function createVpnService(deps: VpnDeps) {
  const { platform } = deps;
  const now = () => platform.now().getTime();
  const stateQueue = createSerialQueue();
  const routingQueue = createSerialQueue();
  let checking: { first: Promise<ConnectionRecord>; done: Promise<ConnectionRecord> } | null = null;

  const activeGateway = async (settings: Settings): Promise<ActiveGateway | null> =>
    chooseGateway(settings, await deps.gateways(), await deps.health.unreachable());

  /** What routing is compiled from, but the category lists (loaded only when the PAC is compiled). */
  const routingBasis = async (settings: Settings, record: ConnectionRecord) => ({
    plan: planRouting(settings, record, await activeGateway(settings)),
    bypassHosts: await deps.bypassHosts(),
    askAnswers: await deps.askAnswers(),
    now: now(),
  });
  type RoutingBasis = Awaited<ReturnType<typeof routingBasis>>;

  const routingInput = async (settings: Settings, basis: RoutingBasis): Promise<RoutingInput> => ({
    plan: basis.plan,
    context: {
      vpnEnabled: settings.vpnEnabled,
      bypassHosts: basis.bypassHosts,
      // The gateway's check host must always reach the gateway: that is how the connection is tested.
      siteRules: indexSiteRules([
        ...settings.siteRules,
        { pattern: `=${GATEWAY_CHECK_HOST}`, action: 'always' },
      ]),
      categories: await deps.categories(settings),
      categoryActions: settings.categoryActions,
      askAnswers: basis.askAnswers,
      now: basis.now,
    },
  });

  /**
   * Re-applies the browser's routing and WebRTC policy for the current settings and state. When the browser
   * still holds what was applied for the same inputs (a woken worker, a change that does not touch routing),
   * nothing is compiled or set.
   */
  const applyRouting = (): Promise<void> =>
    routingQueue(async () => {
      const [settings, record] = await Promise.all([deps.settings.get(), deps.connection.get()]);
      const basis = await routingBasis(settings, record);
      const key = await routingKey({
        extensionVersion: platform.extensionVersion,
        settings,
        state: record.state,
        ...basis,
      });
      if (await deps.routing.holds(key)) return;
      const input = await routingInput(settings, basis);
      const applied = await deps.routing.apply(key, input);
      // The PAC drops "ask" answers that expired when it was compiled: recompile when the next one does.
      const nextExpiry = nextAskExpiry(input.context.askAnswers, input.context.now);
      if (nextExpiry !== null) await platform.wakeAt(ASK_EXPIRY_ALARM, nextExpiry + 1);
      await platform.setWebRtcProtection(record.state === 'on');
      await applied();
    });

  const notifyChange = async (before: ConnectionRecord, after: ConnectionRecord) => {
    const { notifications } = await deps.settings.get();
    const t = platform.translate;
    const wasWorking = before.state === 'on' || (before.state === 'connecting' && before.reconnecting);
    if (after.state === 'error' && wasWorking && notifications.connectionLost) {
      await platform.notifier.show(
        'connection-lost',
        t('notifyConnectionLostTitle'),
        t(`errorReason_${after.reason}`),
      );
    }
    // One notification per limit, also across browser restarts on the same day.
    if (after.state === 'limit' && before.state !== 'limit' && notifications.limitReached) {
      if ((await readStored(platform, stored.limitNotified)) === after.resetAt) return;
      await writeStored(platform, stored.limitNotified, after.resetAt);
      await platform.notifier.show('limit-reached', t('notifyLimitTitle'), t('notifyLimitMessage'));
    }
  };

  /** Moves the state machine and persists the result, one change at a time; true when the state changed. */
  const move = (event: ConnectionEvent): Promise<boolean> =>
    stateQueue(async () => {
      const before = await deps.connection.get();
      const after = transition(before, event, now());
      if (after === before) return false;
      await deps.connection.set(after);
      await notifyChange(before, after);
      return true;
    });

  /** Moves the state machine and, when it changed, re-applies routing for the new state. */
  const dispatch = async (event: ConnectionEvent): Promise<ConnectionRecord> => {
    if (await move(event)) await applyRouting();
    return deps.connection.get();
  };

  /** One question to the gateway, and the state it leads to. */
  const checkOnce = async (): Promise<ConnectionRecord> => {
    const settings = await deps.settings.get();
    const record = await deps.connection.get();
    if (!settings.vpnEnabled || record.state === 'off' || record.state === 'loggedOut') return record;
    if (record.state === 'limit') {
      if (record.resetAt > now()) return record;
      await dispatch({ type: 'limitReset' });
    }
    const gateway = await activeGateway(settings);
    if (!gateway) return dispatch({ type: 'failed', reason: 'noGateway' });
    const result = await platform.checkGateway();
    // A service gateway that cannot be reached is passed over while another is left (see gatewayHealth.ts).
    if (gateway.source === 'service') {
      if (result.ok) await deps.health.recovered(gateway.id);
      else if (result.reason === 'unreachable') {
        await deps.health.failed(gateway.id);
        const record = await dispatch({ type: 'failed', reason: 'gatewayUnreachable' });
        await applyRouting();
        return record;
      }
    }
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
  };

  /**
   * Asks the gateway who we are, and while "Connecting…"/"Reconnecting…" asks again a few times before giving
   * up with the reason. Single-flight: a burst of proxy errors costs one round of checks.
   */
  const startChecking = () => {
    if (checking) return checking;
    let firstDone: (record: ConnectionRecord) => void = () => undefined;
    const first = new Promise<ConnectionRecord>((resolve) => (firstDone = resolve));
    const done = (async () => {
      for (let attempt = 0; ; attempt++) {
        const record = await checkOnce().catch(async () => deps.connection.get());
        if (attempt === 0) firstDone(record);
        if (record.state !== 'connecting' || record.failures === 0) return record;
        await platform.sleep(RETRY_DELAYS_MS[Math.min(record.failures, RETRY_DELAYS_MS.length) - 1]!);
      }
    })().finally(() => {
      checking = null;
    });
    checking = { first, done };
    return checking;
  };

  const checkConnection = (): Promise<ConnectionRecord> => startChecking().done;
  /** The state after the first check of a round (the round may go on retrying). */
  const checkFirst = (): Promise<ConnectionRecord> => startChecking().first;

  const setVpnEnabled = async (on: boolean): Promise<ConnectionRecord> => {
    await deps.settings.update({ vpnEnabled: on });
    await move({ type: on ? 'enable' : 'disable' });
    // Routing changes with the switch even when the state does not (e.g. "always" rules while off).
    await applyRouting();
    return on ? checkConnection() : deps.connection.get();
  };

  /**
   * Restores the connection when the worker starts. After a browser restart or an extension update the
   * session's record is gone but the user's choice is not: a VPN left on resumes ("Reconnecting…") and is
   * checked, so what the popup says matches where traffic goes. Routing is applied before this returns; the
   * check runs on (call `checkConnection()` to wait for it).
   */
  const resume = async (): Promise<void> => {
    const settings = await deps.settings.get();
    const record = await stateQueue(async () => {
      const stored = await deps.connection.stored();
      if (stored !== null) return stored;
      const fresh = initialConnection(now());
      const next = settings.vpnEnabled ? transition(fresh, { type: 'resume' }, now()) : fresh;
      await deps.connection.set(next);
      return next;
    });
    await applyRouting();
    if (record.state === 'connecting') {
      void (async () => {
        if (settings.region !== SELF_HOSTED_REGION) await deps.refreshAccess().catch(() => undefined);
        await checkConnection();
      })();
    }
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

  /** Where a request to `host` goes now, by the same plan the PAC is compiled from. */
  const decide = async (host: string): Promise<SiteDecision> => {
    const [settings, record] = await Promise.all([deps.settings.get(), deps.connection.get()]);
    const { plan, context } = await routingInput(settings, await routingBasis(settings, record));
    const decision = decideRoute(host, { ...context, vpnEnabled: plan.vpnEnabled });
    // No gateway in use (VPN off, paused at the limit): every host goes direct, whatever the rules say.
    if (plan.target === null) return { ...decision, route: 'direct', effective: 'direct', blocked: false };
    // With the kill switch, a host routed to the VPN is stopped while there is no working connection.
    const working = plan.target !== FAIL_CLOSED_TARGET && record.state === 'on';
    return { ...decision, blocked: plan.failClosed && !working && decision.effective === 'vpn' };
  };

  const alarms: Alarm[] = [
    { name: HEALTH_ALARM, periodInMinutes: 1, run: checkConnection },
    { name: ASK_EXPIRY_ALARM, run: applyRouting },
    {
      name: GATEWAY_RETRY_ALARM,
      run: async () => {
        if (!(await deps.health.retryDue())) return;
        await applyRouting();
        await checkConnection();
      },
    },
  ];

  /** "Connect when the browser starts": also turns on a VPN left off (`resume` already kept one left on). */
  const browserStarted = async (): Promise<void> => {
    const settings = await deps.settings.get();
    if (!settings.autoConnect || settings.vpnEnabled) return;
    await deps.refreshAccess();
    await setVpnEnabled(true);
  };

  /** The browser's proxy setting changed hands: tell the user when another extension took it. */
  const proxySettingChanged = async (): Promise<void> => {
    if ((await platform.proxy.levelOfControl()) !== 'controlled_by_other_extensions') return;
    const t = platform.translate;
    await platform.notifier.show('proxy-taken', t('notifyProxyTakenTitle'), t('notifyProxyTakenMessage'));
  };

  return {
    alarms,
    browserStarted,
    proxySettingChanged,
    applyRouting,
    dispatch,
    checkConnection,
    checkFirst,
    setVpnEnabled,
    resume,
    setSiteRule,
    decide,
    activeGateway: async () => activeGateway(await deps.settings.get()),
    connection: () => deps.connection.get(),
  };
}

export type VpnService = ReturnType<typeof createVpnService>;
