import type { ToolbarView } from '../src/status';
import type { DnrLimits, DnrRule, ThreatSnapshot } from '../src/threats';
/**
 * The browser as the background logic sees it: small interfaces that vitest fakes with plain objects.
 * Only `index.ts` builds the real one from `webextension-polyfill`.
 */
export interface KeyValueArea {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

/** What the extension asks the browser's proxy settings to do. */
export type ProxyConfig = { mode: 'pac'; script: string } | { mode: 'system' };

/** Chrome's `levelOfControl` for a browser setting. */
export type ControlLevel =
  | 'not_controllable'
  | 'controlled_by_other_extensions'
  | 'controllable_by_this_extension'
  | 'controlled_by_this_extension';

/** The proxy setting as the browser reports it now: who controls it, and the length of the PAC it holds. */
export interface ProxyInForce {
  level: ControlLevel;
  /** Null when the setting holds no PAC script (or the browser routes per request, as Firefox does). */
  pacLength: number | null;
}

export interface ProxyControl {
  apply(config: ProxyConfig): Promise<void>;
  levelOfControl(): Promise<ControlLevel>;
  inForce(): Promise<ProxyInForce>;
}

export interface Notifier {
  show(id: string, title: string, message: string): Promise<void>;
}

/** The result of asking the gateway who we look like from the outside. */
export type GatewayCheck =
  | { ok: true; exitAddress?: string }
  | { ok: false; reason: 'unreachable' | 'refused' | 'limit'; resetAt?: number };

/** The browser the extension runs in: decided once, in browserPlatform.ts. */
export type BrowserKind = 'chrome' | 'firefox';

export interface Platform {
  /** Which browser this is; everything that differs by browser reads this, nothing sniffs on its own. */
  browser: BrowserKind;
  local: KeyValueArea;
  session: KeyValueArea;
  extensionId: string;
  extensionOrigin: string;
  extensionVersion: string;
  now(): Date;
  proxy: ProxyControl;
  /** Keeps WebRTC from leaking the real address while connected (`disable_non_proxied_udp`), or clears that. */
  setWebRtcProtection(on: boolean): Promise<void>;
  notifier: Notifier;
  /** The small text on the toolbar icon for one tab ('' clears it). */
  setBadge(tabId: number, text: string): Promise<void>;
  /** The toolbar button for all tabs: icon, badge and tooltip of the connection state. */
  showToolbar(view: ToolbarView): Promise<void>;
  /** Waits (between connection retries). */
  sleep(ms: number): Promise<void>;
  /** Fetches the gateway's check host through the current proxy settings. */
  checkGateway(): Promise<GatewayCheck>;
  translate(key: string, substitutions?: string[]): string;
  /** Reads a file bundled in the extension (category data, the threat snapshot). */
  readBundled(path: string): Promise<string>;
  dnr: DnrControl;
  /** Schedules a one-off wake-up (e.g. when a "proceed" allowance ends). */
  wakeAt(name: string, when: number): Promise<void>;
  threatLists: ThreatListStorage;
  /** Opens a new tab (the portal). */
  openTab(url: string): Promise<void>;
  /** Sends a tab to another address (the warning page, or back to the site). */
  navigateTab(tabId: number, url: string): Promise<void>;
  /** The open tabs with the address each shows (for "check the open tabs"). */
  openTabs(): Promise<{ id: number; url: string }[]>;
  /** Whether the user granted access to all sites and to private windows. */
  access(): Promise<{ allSites: boolean; privateWindows: boolean }>;
  /** A JSON request to the account service; rejects on network failure, resolves with status and body. */
  fetchJson(
    url: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: unknown }>;
}

/** The dynamic rule slice of `declarativeNetRequest`. */
export interface DnrControl {
  /** All dynamic rules, or only those with the given ids (a cheap check that some are still installed). */
  getDynamicRules(ruleIds?: number[]): Promise<DnrRule[]>;
  updateDynamicRules(update: { removeRuleIds: number[]; addRules: DnrRule[] }): Promise<void>;
  /** The dynamic-rule budget this browser reports; URL entries beyond it are checked by the background. */
  limits: DnrLimits;
  /** Whether this build declares the bundled list as a static ruleset (Chrome; not Firefox). */
  hasBundledRuleset: boolean;
  setBundledRulesetEnabled(enabled: boolean): Promise<void>;
}

/** The threat list as stored in IndexedDB: the snapshot with the hash it was verified against. */
export interface StoredThreatList {
  snapshot: ThreatSnapshot;
  sha256: string;
  installedAt: number;
}

export interface ThreatListStorage {
  /** What the database holds, unchecked: read it through `storage/storedThreatList`. */
  load(): Promise<unknown>;
  save(list: StoredThreatList): Promise<void>;
}

/** Who sent a runtime message, as far as the router needs to know. */
export interface SenderInfo {
  id?: string | undefined;
  url?: string | undefined;
  origin?: string | undefined;
}
