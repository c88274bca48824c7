import { z } from 'zod';
// Direct file import: `rules/index` reaches categories, which import these settings types.
import { parseStoredPattern } from '../rules/pattern';
import { uiLanguages } from '../i18n/languages';

/** Bump with a new entry in `migrations.ts` whenever the stored shape changes. */
export const SETTINGS_VERSION = 3;

export const siteActions = ['always', 'never', 'ask'] as const;
export type SiteAction = (typeof siteActions)[number];

export const categoryIds = [
  'banks',
  'payments',
  'shopping',
  'social',
  'webmail',
  'messengers',
  'dating',
  'gambling',
  'games',
  'streaming',
  'fileSharing',
] as const;
export type CategoryId = (typeof categoryIds)[number];

export const categoryActions = ['enable', 'never', 'ask', 'ignore'] as const;
export type CategoryAction = (typeof categoryActions)[number];

export const languages = ['auto', ...uiLanguages] as const;
export type Language = (typeof languages)[number];

export const siteRuleSchema = z.object({
  pattern: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .refine((pattern) => parseStoredPattern(pattern).ok, { message: 'not a valid site pattern' }),
  action: z.enum(siteActions),
});
export type SiteRule = z.infer<typeof siteRuleSchema>;

export const notificationSettingsSchema = z.object({
  vpnAutoEnabled: z.boolean(),
  connectionLost: z.boolean(),
  limitReached: z.boolean(),
  siteBlocked: z.boolean(),
});

const categoryActionsShape = Object.fromEntries(categoryIds.map((id) => [id, z.enum(categoryActions)])) as {
  [K in CategoryId]: z.ZodEnum<{ [A in CategoryAction]: A }>;
};

/**
 * A gateway the user runs themselves. Plain `PROXY` is allowed only here: the service's own gateways are
 * always reached over TLS (`HTTPS`).
 */
export const selfHostedGatewaySchema = z.object({
  scheme: z.enum(['HTTPS', 'PROXY']),
  host: z
    .string()
    .trim()
    .min(1)
    .max(253)
    .regex(/^[A-Za-z0-9.:[\]_-]+$/),
  port: z.number().int().min(1).max(65535),
  username: z.string().max(256),
  password: z.string().max(1024),
});
export type SelfHostedGateway = z.infer<typeof selfHostedGatewaySchema>;

import { OPTIMAL_REGION, SELF_HOSTED_REGION } from './regions';
export { OPTIMAL_REGION, SELF_HOSTED_REGION };

/** The strict shape of settings: what an imported file must match exactly. */
export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  vpnEnabled: z.boolean(),
  region: z.string().min(1).max(64),
  autoConnect: z.boolean(),
  killSwitch: z.boolean(),
  siteRules: z.array(siteRuleSchema).max(500_000),
  categoryActions: z.object(categoryActionsShape),
  protectionEnabled: z.boolean(),
  allowList: z.array(z.string().trim().min(1).max(253)).max(100_000),
  notifications: notificationSettingsSchema,
  language: z.enum(languages),
  selfHostedGateway: selfHostedGatewaySchema.nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  version: SETTINGS_VERSION,
  vpnEnabled: false,
  region: 'optimal',
  autoConnect: false,
  killSwitch: false,
  siteRules: [],
  categoryActions: {
    banks: 'ignore',
    payments: 'ignore',
    shopping: 'ignore',
    social: 'ignore',
    webmail: 'ignore',
    messengers: 'ignore',
    dating: 'ignore',
    gambling: 'ignore',
    games: 'ignore',
    streaming: 'ignore',
    fileSharing: 'ignore',
  },
  protectionEnabled: true,
  allowList: [],
  notifications: { vpnAutoEnabled: true, connectionLost: true, limitReached: true, siteBlocked: true },
  language: 'auto',
  selfHostedGateway: null,
};

/**
 * What a page may change through the generic patch: the user's preferences. The VPN switch and the region
 * have messages of their own (`setVpnEnabled` runs the state machine, `selectRegion` checks the
 * subscription), so no page, and no patch, can skip their rules.
 */
export const settingsPatchSchema = settingsSchema
  .omit({ version: true, vpnEnabled: true, region: true })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
/** What the background itself may write: every field but the version (an absent or undefined one is kept). */
export type SettingsWrite = { [K in keyof Omit<Settings, 'version'>]?: Settings[K] | undefined };
