// Wiring only: the real browser APIs go in here, the logic lives in the modules this file imports.
// Every listener is registered synchronously on the first turn, so events that woke the worker are not lost.
import browser from 'webextension-polyfill';
import { stored } from '../src/storage';
import { createBrowserPlatform } from './browserPlatform';
import { composeBackground } from './compose';
import { partsBeforeAnswer } from './handlers/partsBeforeAnswer';
import { isBlockedByExtension } from './protection/blockedByExtension';
import { isGatewayRefusal } from './vpn/blockedPages';
import { isProxyFailure } from './vpn/proxyErrors';

const {
  platform,
  vpn,
  protection,
  account,
  portal,
  reporter,
  receive,
  answerAuth,
  startup,
  checkThreatsNow,
  tabAddressChanged,
  toolbar,
  showBlocked,
  alarms,
  routeRequest,
} = composeBackground(createBrowserPlatform());
const isFirefox = platform.browser === 'firefox';

// A restarted worker restores its state and re-applies routing before it answers anything else; each
// listener waits only for the parts it needs, and a part that failed is tried again by the next event.
void startup.ready();
const whenReady = () => startup.ready();

// The portal (and only the portal's origin) hands link codes back and says when an account is signed in:
// through `externally_connectable` in Chrome, through the content script on the portal's origin in Firefox.
browser.runtime.onMessageExternal.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  whenReady().then(() => portal.handleExternal(message, sender)),
);

// Pages are answered once the parts their request needs have started or failed (most need every part: a
// failed part is named in the popup); the popup's status does not wait for the threat rules.
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  const parts = partsBeforeAnswer(message);
  return (parts.length ? startup.ready(...parts) : Promise.resolve()).then(() => receive(message, sender));
});

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
      void startup.ready('routing').then(async () => {
        if (details.type === 'main_frame') await showBlocked(details.tabId, details.url);
        else await vpn.checkConnection();
      });
    }
    // A protection rule blocked it: a page shows the warning instead of the error, a resource is counted.
    if (isBlockedByExtension(details.error)) {
      void startup.ready('protection').then(async () => {
        if (details.type === 'main_frame') await protection.onBlockedNavigation(details.tabId, details.url);
        else await protection.resourceBlocked(details.url);
      });
    }
  },
  { urls: ['<all_urls>'] },
);

// URL entries beyond the browser's rule budget. Firefox: a blocking listener stops them before the request
// leaves (a page goes to the warning page, a resource is cancelled). Chrome has no blocking webRequest for
// extensions: the tab's address change below catches a page after its request went out.
if (isFirefox) {
  browser.webRequest.onBeforeRequest.addListener(
    async (details): Promise<browser.WebRequest.BlockingResponse> => {
      // Web protection that could not start lets the request go (the rules still block what they hold),
      // rather than stalling every page; it is named in the popup and tried again.
      await startup.ready('protection');
      if (startup.failures().some((failure) => failure.part === 'protection')) return {};
      return protection.beforeRequest(details.url, details.type);
    },
    { urls: ['http://*/*', 'https://*/*'] },
    ['blocking'],
  );
}

// At the limit the gateway refuses plain-HTTP pages with its own 429: show Rampart's page instead.
browser.webRequest.onHeadersReceived.addListener(
  (details) => {
    if (isGatewayRefusal(details.statusCode, details.responseHeaders))
      void startup.ready('routing').then(() => showBlocked(details.tabId, details.url));
  },
  { urls: ['<all_urls>'], types: ['main_frame'] },
  ['responseHeaders'],
);

// The toolbar button (and the status published for the popup) follows every change of what the status is read
// from, whoever made it: the connection record, the settings, the gateways and which of them failed a check.
const TOOLBAR_KEYS = [stored.connection, stored.settings, stored.gateways, stored.unreachableGateways].map(
  (value) => value.key,
);
browser.storage.onChanged.addListener((changes) => {
  if (TOOLBAR_KEYS.some((key) => key in changes)) void startup.ready('routing').then(() => toolbar.refresh());
});

// Firefox routes each request as it is asked (Chrome has the PAC set in the proxy settings).
if (routeRequest) {
  const route = routeRequest;
  browser.proxy.onRequest.addListener(
    async (details) => {
      await startup.ready('routing');
      return route(details.url);
    },
    { urls: ['<all_urls>'] },
  );
}

// Another extension taking the proxy setting is told to the user, and the status says so.
browser.proxy.settings.onChange.addListener(() => {
  void whenReady().then(() => vpn.proxySettingChanged());
  void startup.ready('routing').then(() => toolbar.refresh());
});

browser.tabs.onUpdated.addListener((tabId, change) => {
  const url = change.url;
  if (!url) return;
  void whenReady().then(() => tabAddressChanged(tabId, url));
});

// Each module lists its alarms (name, period, what it does); periodic ones are created when missing.
browser.alarms.onAlarm.addListener((alarm) => {
  void whenReady().then(() => alarms.run(alarm.name));
});
for (const { name, periodInMinutes } of alarms.periodic()) {
  void browser.alarms.get(name).then((existing) => {
    if (!existing)
      void browser.alarms.create(name, { periodInMinutes, delayInMinutes: Math.min(1, periodInMinutes) });
  });
}

browser.runtime.onInstalled.addListener(() => {
  // A fresh install (or update) checks the threat list at once: the bundled one may be weeks old.
  void checkThreatsNow();
  void whenReady().then(async () => {
    await account.sync();
    await reporter.report();
  });
});

browser.runtime.onStartup.addListener(() => {
  void checkThreatsNow();
  void whenReady().then(async () => {
    await vpn.browserStarted();
    // Commands queued while the browser was closed run now, not at the next alarm.
    await reporter.report();
  });
});
