import { readFile } from 'node:fs/promises';
import { CHROME_DNR_LIMITS, type DnrRule } from '../../src/threats';
import type {
  StoredThreatList,
  ControlLevel,
  GatewayCheck,
  KeyValueArea,
  Platform,
  ProxyConfig,
} from '../../background/platform';
import type { ToolbarView } from '../../src/status';

/** An in-memory storage area that stores copies, as the browser does (no shared references). */
export function memoryArea(
  initial: Record<string, unknown> = {},
): KeyValueArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = structuredClone(initial);
  return {
    data,
    get: async (key) => structuredClone(data[key]),
    set: async (key, value) => {
      data[key] = structuredClone(value);
    },
    remove: async (key) => {
      delete data[key];
    },
  };
}

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

/** A platform of plain objects that records what the background asked the browser to do. */
export function fakePlatform(overrides: Partial<Platform> = {}) {
  const applied: ProxyConfig[] = [];
  const notifications: { id: string; title: string; message: string }[] = [];
  const webRtc: boolean[] = [];
  const badges = new Map<number, string>();
  const toolbar: ToolbarView[] = [];
  const alarms = new Map<string, number>();
  const navigations: { tabId: number; url: string }[] = [];
  const requests: { url: string; body?: unknown }[] = [];
  /** Every `updateDynamicRules` call, in order. */
  const dnrUpdates: { removeRuleIds: number[]; addRules: DnrRule[] }[] = [];
  let dnrRules: DnrRule[] = [];
  let threatList: StoredThreatList | null = null;
  const state = {
    check: { ok: true, exitAddress: '203.0.113.10' } as GatewayCheck,
    control: 'controlled_by_this_extension' as ControlLevel,
    clock: new Date('2026-11-23T12:00:00Z').getTime(),
    /** Chrome's static ruleset; `available: false` plays Firefox. */
    bundledRuleset: { available: true, enabled: true },
    /** What the user granted: all sites, private windows. */
    access: { allSites: true, privateWindows: false },
    /** The open tabs, as `openTabs` reports them. */
    tabs: [] as { id: number; url: string }[],
    /** What the fake account service answers; 'unreachable' throws like a network failure. */
    service: (_url: string, _body: unknown): { status: number; body: unknown } | 'unreachable' =>
      'unreachable',
  };
  const platform: Platform = {
    browser: 'chrome',
    local: memoryArea(),
    session: memoryArea(),
    extensionId: EXTENSION_ID,
    extensionOrigin: EXTENSION_ORIGIN,
    extensionVersion: '9.9.9',
    now: () => new Date(state.clock),
    proxy: {
      apply: async (config) => {
        applied.push(config);
      },
      levelOfControl: async () => state.control,
      // Another extension's setting hides ours; else ours is the last PAC set (none after a clear).
      inForce: async () => {
        const last = applied.at(-1);
        if (state.control === 'controlled_by_other_extensions')
          return { level: state.control, pacLength: null };
        return last?.mode === 'pac'
          ? { level: 'controlled_by_this_extension', pacLength: last.script.length }
          : { level: 'controllable_by_this_extension', pacLength: null };
      },
    },
    setWebRtcProtection: async (on) => {
      webRtc.push(on);
    },
    notifier: {
      show: async (id, title, message) => {
        notifications.push({ id, title, message });
      },
    },
    setBadge: async (tabId, text) => {
      badges.set(tabId, text);
    },
    showToolbar: async (view) => {
      toolbar.push(view);
    },
    sleep: async (ms) => {
      state.clock += ms;
    },
    checkGateway: async () => state.check,
    translate: (key, substitutions) => (substitutions?.length ? `${key}(${substitutions.join(',')})` : key),
    readBundled: (path) => readFile(`extension/${path}`, 'utf8'),
    dnr: {
      getDynamicRules: async (ruleIds) =>
        structuredClone(ruleIds ? dnrRules.filter((rule) => ruleIds.includes(rule.id)) : dnrRules),
      updateDynamicRules: async ({ removeRuleIds, addRules }) => {
        dnrUpdates.push({ removeRuleIds, addRules });
        const removed = new Set(removeRuleIds);
        dnrRules = [...dnrRules.filter((rule) => !removed.has(rule.id)), ...structuredClone(addRules)];
      },
      limits: CHROME_DNR_LIMITS,
      hasBundledRuleset: state.bundledRuleset.available,
      setBundledRulesetEnabled: async (enabled) => {
        state.bundledRuleset.enabled = enabled;
      },
    },
    wakeAt: async (name, when) => {
      alarms.set(name, when);
    },
    threatLists: {
      load: async () => structuredClone(threatList),
      save: async (list) => {
        threatList = structuredClone(list);
      },
    },
    openTab: async (url) => {
      navigations.push({ tabId: -1, url });
    },
    navigateTab: async (tabId, url) => {
      navigations.push({ tabId, url });
      const tab = state.tabs.find((t) => t.id === tabId);
      if (tab) tab.url = url;
    },
    openTabs: async () => structuredClone(state.tabs),
    access: async () => ({ ...state.access }),
    fetchJson: async (url, init) => {
      requests.push({ url, ...(init?.body === undefined ? {} : { body: init.body }) });
      const answer = state.service(url, init?.body);
      if (answer === 'unreachable') throw new TypeError('Failed to fetch');
      return answer;
    },
    ...overrides,
  };
  return {
    platform,
    applied,
    notifications,
    webRtc,
    badges,
    toolbar,
    alarms,
    navigations,
    requests,
    dnrUpdates,
    state,
    dnrRules: () => dnrRules,
  };
}

export const ownPage = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}options/index.html` };
