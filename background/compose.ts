// The popup's first frame is drawn here, by the worker, with the popup's own components, and published with the
// status (./toolbar.ts): the one place the background reaches into a page's code.
import { renderFirstFrame } from '../src/ui/popupTop/firstFrame';
import { createAccountService } from './account/accountService';
import { createApiClient } from './account/apiClient';
import { createDeviceAuth } from './account/deviceAuth';
import { createPortalLink } from './account/portalLink';
import { createAlarmTable } from './alarms';
import { createBackgroundI18n } from './backgroundI18n';
import { createHandlers } from './handlers';
import { lateBound } from './lateBound';
import type { Platform, SenderInfo } from './platform';
import { createAllowances } from './protection/allowances';
import { createAppliedRules } from './protection/appliedRules';
import { createDetections } from './protection/detections';
import { createProtectionService } from './protection/protectionService';
import { createThreatList } from './protection/threatList';
import { createThreatUpdater } from './protection/updater';
import { createCommandRunner } from './management/commandRunner';
import { createDeviceReporter } from './management/deviceReporter';
import { collectDeviceState } from './management/deviceState';
import { createResultStore } from './management/resultStore';
import { createRouter, isOwnPage } from './router';
import { createSettingsStore } from './settingsStore';
import { createStartup } from './startup';
import { createToolbar } from './toolbar';
import { createAskAnswerStore } from './vpn/askAnswerStore';
import { createBlockedPages } from './vpn/blockedPages';
import { createCategoryLoader } from './vpn/categoryLoader';
import { createStatusReader } from './vpn/connectionStatus';
import { createConnectionStore } from './vpn/connectionStore';
import { createGatewayHealth } from './vpn/gatewayHealth';
import { createPacRouting } from './vpn/pacRouting';
import { createPerRequestRouting } from './vpn/perRequestRouting';
import { createProxyAuth } from './vpn/proxyAuth';
import { createServiceAddress, createServiceLink, TEST_HOOKS } from './vpn/serviceLink';
import { createSiteWatcher } from './vpn/siteWatcher';
import { createVpnService } from './vpn/vpnService';

/**
 * Builds the whole background from a platform: the same composition runs in the service worker (real APIs)
 * and in vitest (fakes). Holds no state of its own beyond what the stores persist. Each part is built from
 * the parts above it; the two cycles are named first and wired where their other end is built.
 */
export function composeBackground(browserPlatform: Platform, options: { testHooks?: boolean } = {}) {
  // The VPN resumes with the account link's fresh credential; the account link moves the VPN's state.
  const refreshAccess = lateBound<[], Promise<unknown>>('refreshAccess');
  // The portal hears of every change (the connection, a page request, a threat check) from the reporter,
  // which reports the state of all the rest.
  const tellPortal = lateBound<[], void>('tellPortal');

  const settings = createSettingsStore(browserPlatform);
  const i18n = createBackgroundI18n(browserPlatform, settings);
  // Everything below speaks the user's chosen language.
  const platform: Platform = { ...browserPlatform, translate: i18n.translate };
  const now = () => platform.now().getTime();

  // The secure connection.
  const connectionStore = createConnectionStore(platform, now);
  const connection: typeof connectionStore = {
    ...connectionStore,
    set: async (record) => {
      await connectionStore.set(record);
      tellPortal.call();
    },
  };
  const askAnswers = createAskAnswerStore(platform, now);
  const address = createServiceAddress(platform, options.testHooks ?? TEST_HOOKS);
  const serviceUrl = address.url;
  const health = createGatewayHealth(platform, now);
  const service = createServiceLink(platform, settings, address, health);
  // Chrome routes by one PAC script; Firefox has `proxy.onRequest` ask for every request.
  const perRequest = platform.browser === 'firefox' ? createPerRequestRouting(now) : null;
  const vpn = createVpnService({
    platform,
    settings,
    connection,
    categories: createCategoryLoader(platform.readBundled),
    gateways: service.gateways,
    health,
    askAnswers: askAnswers.get,
    bypassHosts: service.bypassHosts,
    routing: perRequest?.routing ?? createPacRouting(platform),
    refreshAccess: refreshAccess.call,
  });
  const status = createStatusReader({ platform, settings, connection, vpn });
  const toolbar = createToolbar(platform, settings, status, async (current, language) =>
    renderFirstFrame(current, await i18n.pageTranslator(language)),
  );

  // Web protection.
  const threatList = createThreatList(platform);
  const detections = createDetections(platform);
  const protection = createProtectionService({
    platform,
    settings,
    list: threatList,
    allowances: createAllowances(platform, now),
    detections,
    applied: createAppliedRules(platform),
    update: createThreatUpdater(platform, threatList),
    serviceUrl,
  });
  /** An update check now (install, browser start, a new service); the portal hears the outcome. */
  const checkThreatsNow = async () => {
    await protection.update();
    tellPortal.call();
  };

  // The account link.
  const api = createApiClient(platform, serviceUrl);
  const account = createAccountService({
    platform,
    api,
    auth: createDeviceAuth(platform, api),
    vpn,
    random: Math.random,
  });
  refreshAccess.bind(account.sync);
  const portal = createPortalLink(platform, account, serviceUrl);

  /**
   * Restores state after a (re)start, in parts that do not wait on each other: routing is re-applied
   * before anything else is answered, and a part that fails is reported and tried again.
   */
  const startup = createStartup(
    {
      language: () => i18n.refresh(),
      // Resumes the state the user left (VPN on stays on) and re-applies routing, then redraws the toolbar;
      // after a settings change the stored state is kept and routing re-applied.
      routing: async () => {
        await vpn.resume();
        await toolbar.refresh();
      },
      protection: () => protection.enforce(),
    },
    { timeoutMs: 10_000, retryAfterMs: 5_000, now },
  );
  /** Starts every part; rejects, naming the parts, when one did not start (tests and the install path). */
  const start = async () => {
    await startup.ready();
    const failed = startup.failures();
    if (failed.length) throw new Error(failed.map((f) => `${f.part}: ${f.message}`).join('; '));
  };

  // The pages' messages.
  const handlers = createHandlers({
    platform,
    settings,
    connection,
    vpn,
    protection,
    account,
    portal,
    settingsChanged: async () => {
      await startup.reapply('routing', 'protection', 'language');
    },
    useTestService: async (url) => {
      if (!(await address.override(url))) return false;
      await startup.reapply('routing');
      // Another account service has its own threat list: check it at once, not at the next hourly alarm.
      void checkThreatsNow();
      return true;
    },
    askAnswers,
    gateways: service.gateways,
    tier: service.tier,
    startup,
  });

  // Remote management: the device's state to the portal, and the portal's commands run as the user's clicks.
  const reporter = createDeviceReporter({
    account,
    collect: () =>
      collectDeviceState({
        extensionVersion: platform.extensionVersion,
        settings,
        connection: status,
        protection,
        detections,
      }),
    run: createCommandRunner({ handlers, protection, translate: platform.translate }),
    results: createResultStore(platform),
    schedule: (fn, ms) => void setTimeout(fn, ms),
  });
  tellPortal.bind(reporter.changed);

  const routeMessage = createRouter(handlers, platform.extensionId, platform.extensionOrigin);
  /** Every page request is a UI open or a user's change: either way the portal hears about it shortly. */
  const route: typeof routeMessage = async (message, sender) => {
    const reply = await routeMessage(message, sender);
    tellPortal.call();
    return reply;
  };
  /**
   * `runtime.onMessage`: the extension's own pages reach the router; any other sender is a content script,
   * i.e. Firefox's relay on the portal's origin, and gets exactly the checks of Chrome's external messages.
   */
  const receive = (message: unknown, sender: SenderInfo) =>
    isOwnPage(sender, platform.extensionId, platform.extensionOrigin)
      ? route(message, sender)
      : portal.handleExternal(message, sender);

  // What the browser's own events need.
  const answerAuth = createProxyAuth({
    identify: service.identify,
    credentials: service.proxyCredentials,
    // A refusal while connected starts "Reconnecting…": check again (a fresh credential may fix it).
    onRefused: () =>
      void vpn.dispatch({ type: 'failed', reason: 'credentialsRefused' }).then(() => vpn.checkConnection()),
  });
  const watchSite = createSiteWatcher(platform, settings, vpn);
  /**
   * A tab's address changed. In Chrome this is also where a URL entry beyond the rule budget is caught: no
   * blocking webRequest there, so the tab goes to the warning page after the request went out (Firefox
   * stops it before, in a blocking `onBeforeRequest`; see index.ts).
   */
  const tabAddressChanged = async (tabId: number, url: string) => {
    await watchSite(tabId, url);
    if (platform.browser === 'chrome' && (await protection.beyondRules(url)))
      await protection.onBlockedNavigation(tabId, url);
  };
  const alarms = createAlarmTable(vpn.alarms, account.alarms, protection.alarms, reporter.alarms);

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
    receive,
    answerAuth,
    watchSite,
    tabAddressChanged,
    toolbar,
    showBlocked: createBlockedPages(platform, vpn),
    start,
    startup,
    checkThreatsNow,
    alarms,
    /** Firefox: where a request goes (`proxy.onRequest`); null on Chrome, which routes by the PAC. */
    routeRequest: perRequest?.route ?? null,
  };
}
export type Background = ReturnType<typeof composeBackground>;
