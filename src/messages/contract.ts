import { z } from 'zod';
import { settingsPatchSchema, siteActions, type Settings } from '../settings';
import type { ConnectionStatus } from '../status';

const host = z.string().trim().min(1).max(253);
const url = z.string().min(1).max(8192);

/** Every message a page may send to the background, declared once. */
export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('getStatus') }),
  z.object({ type: z.literal('getSettings') }),
  z.object({ type: z.literal('updateSettings'), patch: settingsPatchSchema }),
  z.object({ type: z.literal('exportSettings') }),
  z.object({ type: z.literal('importSettings'), text: z.string() }),
  z.object({ type: z.literal('setVpnEnabled'), enabled: z.boolean() }),
  z.object({ type: z.literal('checkConnection') }),
  z.object({ type: z.literal('getSiteRouting'), url: z.string().max(8192) }),
  z.object({ type: z.literal('setSiteRule'), host, action: z.enum(siteActions).nullable() }),
  z.object({ type: z.literal('answerAsk'), host, route: z.enum(['vpn', 'direct']), remember: z.boolean() }),
  z.object({ type: z.literal('listRegions') }),
  z.object({ type: z.literal('selectRegion'), region: z.string().min(1).max(64) }),
  z.object({ type: z.literal('getProtectionStatus') }),
  z.object({ type: z.literal('setProtectionEnabled'), enabled: z.boolean() }),
  z.object({ type: z.literal('updateThreats') }),
  z.object({ type: z.literal('getStartProblems') }),
  z.object({ type: z.literal('retryStart') }),
  /** Test builds only (refused elsewhere): the end-to-end suite's account service on a loopback port. */
  z.object({ type: z.literal('useTestService'), url: z.url({ protocol: /^https?$/ }).max(300) }),
  z.object({ type: z.literal('warningShown'), url }),
  z.object({ type: z.literal('proceedToSite'), url }),
  z.object({ type: z.literal('alwaysAllowSite'), url }),
  z.object({ type: z.literal('reportFalsePositive'), url }),
  z.object({ type: z.literal('getAccount') }),
  z.object({
    type: z.literal('signIn'),
    email: z.string().trim().min(3).max(254),
    password: z.string().min(1).max(1024),
    code: z
      .string()
      .trim()
      .regex(/^[0-9]{6}$/)
      .optional(),
  }),
  z.object({ type: z.literal('signOut') }),
  z.object({ type: z.literal('continueAnonymously') }),
  z.object({ type: z.literal('activateCode'), code: z.string().trim().min(8).max(64) }),
  z.object({ type: z.literal('openPortal'), page: z.enum(['link', 'signUp', 'reset', 'traffic', 'home']) }),
  z.object({ type: z.literal('getBrowserAccess') }),
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** How the current tab's host is routed, for the popup's one-click buttons. */
export interface SiteRouting {
  /** The tab's own host, whose route this is. Null for pages that are not web sites (new tab, extension pages). */
  host: string | null;
  /** "This site": what the one-click buttons write a rule for, covering it and its subdomains. */
  site: string | null;
  /** `blocked`: the kill switch stops it now (the VPN is wanted but has no working connection). */
  route: 'vpn' | 'direct' | 'ask' | 'blocked';
  reason: 'bypass' | 'siteRule' | 'category' | 'global' | 'notWeb';
  /** The action of the site's own rule, if any (what the buttons change). */
  ruleAction: 'always' | 'never' | 'ask' | null;
  /** The site rule that decided the route (may be a more specific one than the site's own). */
  rulePattern?: string;
  /** Why the host never goes through the VPN (a `BypassReason`). */
  bypass?: string;
  category?: string;
  /** Rules the last one-click change removed because they sent this host the other way. */
  replaced?: { pattern: string; action: 'always' | 'never' | 'ask' }[];
}

export interface RegionChoice {
  region: string;
  city: string;
  load: number;
  locked: boolean;
}

export interface RegionList {
  selected: string;
  /** Free and anonymous devices may use only "Optimal". */
  canChoose: boolean;
  regions: RegionChoice[];
  selfHosted: boolean;
}

const appErrorSchema = z.object({
  code: z.string(),
  messageKey: z.string(),
  substitutions: z.array(z.string()).optional(),
});

/** How the last threat-list update check ended, as stored (a running check is never stored). */
export const finishedCheckSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ok'), at: z.number(), updated: z.boolean() }),
  z.object({ state: z.literal('failed'), at: z.number(), error: appErrorSchema }),
]);
export type FinishedCheck = z.infer<typeof finishedCheckSchema>;
/** The threat-list update check as the pages show it. */
export type ThreatCheck = FinishedCheck | { state: 'checking' } | { state: 'never' };

export interface ProtectionStatus {
  enabled: boolean;
  listVersion: number;
  listCreatedAt: string;
  installedAt: number;
  /**
   * When the list in force was installed or last confirmed current (ms): its age everywhere (popup, options,
   * portal). The bundled list counts from its build until a check confirms it.
   */
  databaseUpdatedAt: number;
  check: ThreatCheck;
  domains: number;
  urls: number;
  detections: number;
}

/** A part of the background that did not start (the popup names it and offers to try again). */
export interface StartProblem {
  part: 'language' | 'routing' | 'protection';
  message: string;
  at: number;
}

/** What the warning page shows about a blocked address. */
export interface ThreatInfo {
  kind: 'domain' | 'url';
  entry: string;
  threat: string;
  list: string;
}

/** The device's account as the options page and popup show it. */
export interface AccountStatus {
  linked: boolean;
  email?: string;
  tier?: 'anonymous' | 'free' | 'unlimited';
  usedTodayBytes?: number;
  dailyLimitBytes?: number | null;
  resetsAt?: string;
  subscription?: { tier: string; expiresAt: string | null; deviceLimit: number; devicesUsed: number };
  /** The portal told this browser that someone is signed in there: offer "Connect". */
  accountFound?: string;
}

/**
 * What the browser lets the extension do, for the pages to say what cannot work. Firefox lets the user
 * withhold access to all sites (then neither routing nor protection works) and runs the extension in private
 * windows only when allowed (then those windows go direct: `proxy.onRequest` is not called for them).
 */
export interface BrowserAccess {
  browser: 'chrome' | 'firefox';
  allSites: boolean;
  privateWindows: boolean;
}

/** What the background answers to each request type. */
export interface Responses {
  getStatus: ConnectionStatus;
  getSettings: Settings;
  updateSettings: Settings;
  exportSettings: { fileName: string; text: string };
  importSettings: Settings;
  setVpnEnabled: ConnectionStatus;
  checkConnection: ConnectionStatus;
  getSiteRouting: SiteRouting;
  setSiteRule: SiteRouting;
  answerAsk: SiteRouting;
  listRegions: RegionList;
  selectRegion: RegionList;
  getProtectionStatus: ProtectionStatus;
  setProtectionEnabled: ProtectionStatus;
  updateThreats: ProtectionStatus & { updated: boolean };
  getStartProblems: StartProblem[];
  retryStart: StartProblem[];
  useTestService: null;
  warningShown: ThreatInfo | null;
  proceedToSite: string;
  alwaysAllowSite: string;
  reportFalsePositive: null;
  getAccount: AccountStatus;
  signIn: AccountStatus;
  signOut: AccountStatus;
  continueAnonymously: AccountStatus;
  activateCode: AccountStatus;
  openPortal: null;
  getBrowserAccess: BrowserAccess;
}
