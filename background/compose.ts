import { createAccountService } from './account/accountService';
import { createApiClient } from './account/apiClient';
import { createDeviceAuth } from './account/deviceAuth';
import { createPortalLink } from './account/portalLink';
import { createBackgroundI18n } from './backgroundI18n';
import { createHandlers } from './handlers';
import type { Platform } from './platform';
import { createAllowances } from './protection/allowances';
import { createDetections } from './protection/detections';
import { createProtectionService } from './protection/protectionService';
import { createThreatList } from './protection/threatList';
import { createThreatUpdater } from './protection/updater';
import { createCommandRunner } from './management/commandRunner';
import { createDeviceReporter } from './management/deviceReporter';
import { collectDeviceState } from './management/deviceState';
import { createResultStore } from './management/resultStore';
import { createRouter } from './router';
import { createSettingsStore } from './settingsStore';
import { createToolbar } from './toolbar';
import { createAskAnswerStore } from './vpn/askAnswerStore';
import { createBlockedPages } from './vpn/blockedPages';
import { createCategoryLoader } from './vpn/categoryLoader';
import { compileRouting } from './vpn/compileRouting';
import { createStatusReader } from './vpn/connectionStatus';
import { createConnectionStore } from './vpn/connectionStore';
import { createProxyAuth } from './vpn/proxyAuth';
import { createServiceLink, serviceUrlOf } from './vpn/serviceLink';
import { SELF_HOSTED_REGION } from '../src/settings';
import { createSiteWatcher } from './vpn/siteWatcher';
import { createVpnService, type RoutingInput } from './vpn/vpnService';

/**
 * Builds the whole background from a platform: the same composition runs in the service worker (real APIs)
 * and in vitest (fakes). Holds no state of its own beyond what the stores persist.
 */
export function composeBackground(browserPlatform: Platform) {
  const now = () => platform.now().getTime();
  const settings = createSettingsStore(browserPlatform.local);
  const i18n = createBackgroundI18n(browserPlatform, settings);
  // Everything below speaks the user's chosen language.
  const platform: Platform = { ...browserPlatform, translate: i18n.translate };
  const connectionStore = createConnectionStore(platform.session, now);
  // A new connection state is news for the portal.
  const connection: typeof connectionStore = {
    ...connectionStore,
    set: async (record) => {
      await connectionStore.set(record);
      reporter.changed();
    },
  };
  const askAnswers = createAskAnswerStore(platform.local, now);
  const service = createServiceLink(platform, settings);
  let latestRouting: RoutingInput | null = null;

  const vpn = createVpnService({
    platform,
    settings,
    connection,
    categories: createCategoryLoader(platform.readBundled),
    gateways: service.gateways,
    askAnswers: askAnswers.get,
    bypassHosts: service.bypassHosts,
    compile: compileRouting,
    onRouting: (input) => (latestRouting = input),
    // After a browser restart the session's proxy credential is gone: fetch one before the first check.
    refreshAccess: async (current) => (current.region === SELF_HOSTED_REGION ? null : account.sync()),
  });
  const toolbar = createToolbar(
    platform,
    settings,
    createStatusReader({ platform, settings, connection, vpn }),
  );

  const serviceUrl = async () => serviceUrlOf(await settings.get());
  const threatList = createThreatList(platform);
  const detections = createDetections(platform.local);
  const protection = createProtectionService({
    platform,
    settings,
    list: threatList,
    allowances: createAllowances(platform.local, now),
    detections,
    update: createThreatUpdater(platform, threatList, serviceUrl),
    serviceUrl,
  });

  const api = createApiClient(platform, serviceUrl);
  const deviceAuth = createDeviceAuth(
    platform,
    api,
    () => `Rampart on ${platform.extensionOrigin.startsWith('moz') ? 'Firefox' : 'Chrome'}`,
  );
  const account = createAccountService({ platform, api, auth: deviceAuth, vpn, random: Math.random });
  const portal = createPortalLink(platform, account, serviceUrl);

  const handlers = createHandlers({
    platform,
    settings,
    connection,
    vpn,
    protection,
    account,
    portal,
    settingsChanged: async () => {
      await Promise.all([vpn.applyRouting(), protection.enforce(), i18n.refresh()]);
    },
    askAnswers,
    gateways: service.gateways,
    tier: service.tier,
  });

  const reporter = createDeviceReporter({
    account,
    collect: () =>
      collectDeviceState({
        extensionVersion: platform.extensionVersion,
        settings,
        connection: async () => {
          const status = await handlers.getStatus({ type: 'getStatus' });
          if (!status.ok) throw new Error(status.error.code);
          return status.value;
        },
        protection,
        detections,
      }),
    run: createCommandRunner({ handlers, protection, translate: platform.translate }),
    results: createResultStore(platform.local),
    schedule: (fn, ms) => void setTimeout(fn, ms),
  });

  const routeMessage = createRouter(handlers, platform.extensionId, platform.extensionOrigin);
  /** Every page request is a UI open or a user's change: either way the portal hears about it shortly. */
  const route: typeof routeMessage = async (message, sender) => {
    const reply = await routeMessage(message, sender);
    reporter.changed();
    return reply;
  };

  const answerAuth = createProxyAuth({
    credentialsFor: service.proxyCredentials,
    // A refusal while connected starts "Reconnecting…": check again (a fresh credential may fix it).
    onRefused: () =>
      void vpn.dispatch({ type: 'failed', reason: 'credentialsRefused' }).then(() => vpn.checkConnection()),
  });

  /** Restores state after a (re)start: routing is re-applied before anything else is answered. */
  const start = async () => {
    await i18n.refresh();
    // Resumes the state the user left (VPN on stays on) and re-applies routing before anything else.
    await vpn.resume();
    await toolbar.refresh();
    await protection.enforce();
  };

  const watchSite = createSiteWatcher(platform, settings, vpn);

  return {
    platform,
    settings,
    connection,
    vpn,
    protection,
    account,
    portal,
    reporter,
    route,
    answerAuth,
    watchSite,
    toolbar,
    showBlocked: createBlockedPages(platform, vpn),
    start,
    latestRouting: () => latestRouting,
  };
}
export type Background = ReturnType<typeof composeBackground>;
