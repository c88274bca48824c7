// Wiring only: the real browser APIs go in here, the logic lives in the modules this file imports.
// Every listener is registered synchronously on the first turn, so events that woke the worker are not lost.
import browser from 'webextension-polyfill';
import { decideRoute } from '../src/rules';
import { appError, err } from '../src/result';
import { createBrowserPlatform, isFirefox } from './browserPlatform';
import { composeBackground } from './compose';
import { createReadyGate } from './ready';
import { ALLOWANCE_ALARM } from './protection/protectionService';
import { REPORT_ALARM, REPORT_PERIOD_MINUTES } from './management/deviceReporter';
import { isGatewayRefusal } from './vpn/blockedPages';
import { isProxyFailure } from './vpn/proxyErrors';
import { ASK_EXPIRY_ALARM } from './vpn/vpnService';

const {
  platform,
  settings,
  vpn,
  protection,
  account,
  portal,
  reporter,
  route,
  answerAuth,
  watchSite,
  toolbar,
  showBlocked,
  start,
  latestRouting,
} = composeBackground(createBrowserPlatform());
const now = () => platform.now().getTime();

// A restarted worker restores its state and re-applies routing before it answers anything else.
const whenReady = createReadyGate(start, 10_000);

// The portal (and only the portal's origin) hands link codes back and says when an account is signed in.
browser.runtime.onMessageExternal.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  whenReady().then(() => portal.handleExternal(message, sender)),
);

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  whenReady().then(
    () => route(message, sender),
    (error: unknown) => err(appError('notReady', 'errorBackgroundUnavailable', [String(error)])),
  ),
);

// Proxy authentication: answered from storage, at most once per request, never left to a browser prompt.
if (isFirefox) {
  browser.webRequest.onAuthRequired.addListener((details) => answerAuth(details), { urls: ['<all_urls>'] }, [
    'blocking',
  ]);
} else {
  chrome.webRequest.onAuthRequired.addListener(
    (details, callback) => {
      void answerAuth(details).then((answer) => callback?.(answer));
    },
    { urls: ['<all_urls>'] },
    ['asyncBlocking'],
  );
}

browser.webRequest.onErrorOccurred.addListener(
  (details) => {
    // A request that failed at the proxy is the quickest sign the tunnel broke: check it now. A page that
    // failed there shows Rampart's page saying why, instead of the browser's proxy error.
    if (isProxyFailure(details.error)) {
      void whenReady().then(async () => {
        if (details.type === 'main_frame') await showBlocked(details.tabId, details.url);
        else await vpn.checkConnection();
      });
    }
    // A protection rule blocked it: a page shows the warning instead of the error, a resource is counted.
    if (details.error.includes('ERR_BLOCKED_BY_CLIENT')) {
      void whenReady().then(async () => {
        if (details.type === 'main_frame') await protection.onBlockedNavigation(details.tabId, details.url);
        else await protection.resourceBlocked(details.url);
      });
    }
  },
  { urls: ['<all_urls>'] },
);

// At the limit the gateway refuses plain-HTTP pages with its own 429: show Rampart's page instead.
browser.webRequest.onHeadersReceived.addListener(
  (details) => {
    if (isGatewayRefusal(details.statusCode, details.responseHeaders))
      void whenReady().then(() => showBlocked(details.tabId, details.url));
  },
  { urls: ['<all_urls>'], types: ['main_frame'] },
  ['responseHeaders'],
);

// The toolbar button follows every change of the connection record or the settings, whoever made it.
const TOOLBAR_KEYS = ['connection', 'settings', 'gateways'];
browser.storage.onChanged.addListener((changes) => {
  if (TOOLBAR_KEYS.some((key) => key in changes)) void whenReady().then(() => toolbar.refresh());
});

if (isFirefox) {
  browser.proxy.onRequest.addListener(
    async (details) => {
      await whenReady();
      const routing = latestRouting();
      const target = routing?.plan.target;
      if (!routing || !target) return { type: 'direct' };
      const { plan, context } = routing;
      const decision = decideRoute(new URL(details.url).hostname, {
        ...context,
        vpnEnabled: plan.vpnEnabled,
        now: now(),
      });
      if (decision.effective === 'direct') return { type: 'direct' };
      const proxy = {
        type: target.scheme === 'HTTPS' ? 'https' : 'http',
        host: target.host,
        port: target.port,
      };
      return plan.failClosed ? [proxy] : [proxy, { type: 'direct' }];
    },
    { urls: ['<all_urls>'] },
  );
}

browser.proxy.settings.onChange.addListener(() => {
  void whenReady().then(async () => {
    const level = await platform.proxy.levelOfControl();
    if (level === 'controlled_by_other_extensions') {
      await platform.notifier.show(
        'proxy-taken',
        platform.translate('notifyProxyTakenTitle'),
        platform.translate('notifyProxyTakenMessage'),
      );
    }
  });
});

browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.url) void whenReady().then(() => watchSite(tabId, change.url!));
});

const HEALTH_ALARM = 'vpn-health';
const ACCOUNT_ALARM = 'account-sync';
const THREAT_UPDATE_ALARM = 'threat-update';
browser.alarms.onAlarm.addListener((alarm) => {
  void whenReady().then(async () => {
    if (alarm.name === HEALTH_ALARM) await vpn.checkConnection();
    if (alarm.name === ACCOUNT_ALARM) await account.sync();
    if (alarm.name === ASK_EXPIRY_ALARM) await vpn.applyRouting();
    if (alarm.name === THREAT_UPDATE_ALARM) await protection.update();
    if (alarm.name === ALLOWANCE_ALARM) await protection.enforce();
    if (alarm.name === REPORT_ALARM) await reporter.report();
  });
});
const ensureAlarm = (name: string, periodInMinutes: number) =>
  browser.alarms.get(name).then((existing) => {
    if (!existing)
      void browser.alarms.create(name, { periodInMinutes, delayInMinutes: Math.min(1, periodInMinutes) });
  });
void ensureAlarm(HEALTH_ALARM, 1);
// Once a minute: an unlink made in the portal shows within a minute; credentials renew when due.
void ensureAlarm(ACCOUNT_ALARM, 1);
void ensureAlarm(THREAT_UPDATE_ALARM, 60);
// Twice a minute: the portal's commands (a Fix, one queued while the browser was closed) run within a minute.
void ensureAlarm(REPORT_ALARM, REPORT_PERIOD_MINUTES);

browser.runtime.onInstalled.addListener(() => {
  void whenReady().then(async () => {
    await account.sync();
    await reporter.report();
  });
});

browser.runtime.onStartup.addListener(() => {
  void whenReady().then(async () => {
    // `start` resumed the state the user left; "Connect when the browser starts" also turns on a VPN left off.
    const current = await settings.get();
    if (current.autoConnect && !current.vpnEnabled) {
      await account.sync();
      await vpn.setVpnEnabled(true);
    }
    // Commands queued while the browser was closed run now, not at the next alarm.
    await reporter.report();
  });
});
