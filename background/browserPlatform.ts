// The real browser behind the `Platform` interface. Wiring only: what answers mean is decided elsewhere.
import browser from 'webextension-polyfill';
import { GATEWAY_CHECK_HOST } from '../src/api/proxyCredential';
import { dnrLimitsFrom, type DnrRule } from '../src/threats';
import { cachedArea } from './storage/cachedArea';
import { createThreatListDb } from './threatListDb';
import { readGatewayCheck } from './vpn/gatewayCheck';
import type {
  BrowserKind,
  ControlLevel,
  GatewayCheck,
  KeyValueArea,
  Platform,
  ProxyConfig,
} from './platform';

const area = (storage: browser.Storage.StorageArea): KeyValueArea => ({
  get: async (key) => (await storage.get(key))[key],
  set: (key, value) => storage.set({ [key]: value }),
  remove: (key) => storage.remove(key),
});

/** The one place that tells the browser in use: Firefox serves extension pages from moz-extension://. */
export const BROWSER: BrowserKind = browser.runtime.getURL('').startsWith('moz-extension:')
  ? 'firefox'
  : 'chrome';

const CHECK_TIMEOUT_MS = 8_000;
/** The static ruleset id in manifest.json. */
const BUNDLED_RULESET = 'bundled-threats';

/** Asks the gateway's own check host, through whatever proxy routing is in force now. */
async function checkGateway(): Promise<GatewayCheck> {
  let response: Response;
  try {
    response = await fetch(`http://${GATEWAY_CHECK_HOST}/`, {
      cache: 'no-store',
      signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
    });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  return readGatewayCheck(response);
}

async function applyProxy(config: ProxyConfig): Promise<void> {
  if (config.mode === 'system') return chrome.proxy.settings.clear({ scope: 'regular' });
  return chrome.proxy.settings.set({
    value: { mode: 'pac_script', pacScript: { data: config.script, mandatory: true } },
    scope: 'regular',
  });
}

export function createBrowserPlatform(): Platform {
  // Both areas are read through the worker's own copy, which every change (from any context) clears. The
  // listener is added here, synchronously, so it is the first `storage.onChanged` listener of the worker.
  const local = cachedArea(area(browser.storage.local));
  const session = cachedArea(area(browser.storage.session));
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'local') local.changed(Object.keys(changes));
    if (areaName === 'session') session.changed(Object.keys(changes));
  });
  return {
    browser: BROWSER,
    local,
    session,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL(''),
    extensionVersion: browser.runtime.getManifest().version,
    now: () => new Date(),
    proxy: {
      apply: applyProxy,
      levelOfControl: async () => (await browser.proxy.settings.get({})).levelOfControl as ControlLevel,
      inForce: async () => {
        const { levelOfControl, value } = await browser.proxy.settings.get({});
        const data: unknown = (value as { pacScript?: { data?: unknown } } | undefined)?.pacScript?.data;
        return {
          level: levelOfControl as ControlLevel,
          pacLength: typeof data === 'string' ? data.length : null,
        };
      },
    },
    setWebRtcProtection: async (on) => {
      const setting = browser.privacy.network.webRTCIPHandlingPolicy;
      if (on) await setting.set({ value: 'disable_non_proxied_udp' });
      else await setting.clear({});
    },
    notifier: {
      show: async (id, title, message) => {
        await browser.notifications.create(id, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('icons/icon-128.png'),
          title,
          message,
        });
      },
    },
    setBadge: (tabId, text) => browser.action.setBadgeText({ tabId, text }),
    showToolbar: async (view) => {
      const variant = `${view.icon}${view.marked ? '-marked' : ''}`;
      await Promise.all([
        browser.action.setIcon({
          path: { 16: `/icons/state/${variant}-16.png`, 32: `/icons/state/${variant}-32.png` },
        }),
        browser.action.setBadgeText({ text: view.badgeText }),
        browser.action.setBadgeBackgroundColor({ color: view.badgeColor }),
        browser.action.setTitle({ title: view.title }),
      ]);
    },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    checkGateway,
    translate: (key, substitutions) => browser.i18n.getMessage(key, substitutions) || key,
    readBundled: async (path) => (await fetch(browser.runtime.getURL(path))).text(),
    dnr: {
      getDynamicRules: async (ruleIds) =>
        (await (ruleIds
          ? chrome.declarativeNetRequest.getDynamicRules({ ruleIds })
          : chrome.declarativeNetRequest.getDynamicRules())) as DnrRule[],
      updateDynamicRules: (update) =>
        chrome.declarativeNetRequest.updateDynamicRules(
          update as chrome.declarativeNetRequest.UpdateRuleOptions,
        ),
      limits: dnrLimitsFrom(chrome.declarativeNetRequest as unknown as Record<string, unknown>),
      // Firefox builds and Chrome releases without a known id carry no static ruleset (see vite.config.ts).
      hasBundledRuleset: (chrome.runtime.getManifest().declarative_net_request?.rule_resources ?? []).some(
        (ruleset) => ruleset.id === BUNDLED_RULESET,
      ),
      setBundledRulesetEnabled: (enabled) =>
        chrome.declarativeNetRequest.updateEnabledRulesets(
          enabled ? { enableRulesetIds: [BUNDLED_RULESET] } : { disableRulesetIds: [BUNDLED_RULESET] },
        ),
    },
    wakeAt: async (name, when) => void browser.alarms.create(name, { when }),
    threatLists: createThreatListDb(),
    openTab: async (url) => void (await browser.tabs.create({ url })),
    navigateTab: async (tabId, url) => void (await browser.tabs.update(tabId, { url })),
    openTabs: async () =>
      (await browser.tabs.query({})).flatMap((tab) =>
        tab.id !== undefined && tab.url !== undefined ? [{ id: tab.id, url: tab.url }] : [],
      ),
    access: async () => ({
      allSites: await browser.permissions.contains({ origins: ['<all_urls>'] }),
      privateWindows: await browser.extension.isAllowedIncognitoAccess(),
    }),
    fetchJson: async (url, init = {}) => {
      const response = await fetch(url, {
        method: init.method ?? 'GET',
        headers: {
          accept: 'application/json',
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        cache: 'no-store',
        signal: AbortSignal.timeout(30_000),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
  };
}
