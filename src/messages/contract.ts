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
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** How the current tab's site is routed, for the popup's one-click buttons. */
export interface SiteRouting {
  /** Null for pages that are not web sites (new tab, extension pages). */
  host: string | null;
  /** `blocked`: the kill switch stops it now (the VPN is wanted but has no working connection). */
  route: 'vpn' | 'direct' | 'ask' | 'blocked';
  reason: 'bypass' | 'siteRule' | 'category' | 'global' | 'notWeb';
  /** The site rule that applies to this host exactly, if any (what the buttons change). */
  ruleAction: 'always' | 'never' | 'ask' | null;
  category?: string;
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

export interface ProtectionStatus {
  enabled: boolean;
  listVersion: number;
  listCreatedAt: string;
  installedAt: number;
  domains: number;
  urls: number;
  detections: number;
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
}
