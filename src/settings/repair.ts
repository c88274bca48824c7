import { z } from 'zod';
import {
  categoryIds,
  defaultSettings,
  settingsSchema,
  siteRuleSchema,
  SETTINGS_VERSION,
  type Settings,
} from './schema';

/** Keeps the valid entries of a list and drops the rest, so one bad rule never costs the others. */
const listOf = <T>(item: z.ZodType<T>, fallback: T[]) =>
  z
    .unknown()
    .optional()
    .transform((value): T[] => {
      if (!Array.isArray(value)) return fallback;
      return value.flatMap((entry) => {
        const parsed = item.safeParse(entry);
        return parsed.success ? [parsed.data] : [];
      });
    });

const shape = settingsSchema.shape;
const d = defaultSettings;

const categoryActionsRepair = z
  .unknown()
  .optional()
  .transform((value): Settings['categoryActions'] => {
    const stored = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    const repaired = { ...d.categoryActions };
    for (const id of categoryIds) {
      const parsed = shape.categoryActions.shape[id].safeParse(stored[id]);
      if (parsed.success) repaired[id] = parsed.data;
    }
    return repaired;
  });

const notificationsRepair = z.object({
  vpnAutoEnabled: z.boolean().catch(d.notifications.vpnAutoEnabled),
  connectionLost: z.boolean().catch(d.notifications.connectionLost),
  limitReached: z.boolean().catch(d.notifications.limitReached),
  siteBlocked: z.boolean().catch(d.notifications.siteBlocked),
});

/** Same fields as `settingsSchema`, each falling back to its default on its own. */
const repairingSchema = z.object({
  version: z.literal(SETTINGS_VERSION).catch(SETTINGS_VERSION),
  vpnEnabled: shape.vpnEnabled.catch(d.vpnEnabled),
  region: shape.region.catch(d.region),
  autoConnect: shape.autoConnect.catch(d.autoConnect),
  killSwitch: shape.killSwitch.catch(d.killSwitch),
  siteRules: listOf(siteRuleSchema, d.siteRules),
  categoryActions: categoryActionsRepair,
  protectionEnabled: shape.protectionEnabled.catch(d.protectionEnabled),
  allowList: listOf(z.string().trim().min(1).max(253), d.allowList),
  notifications: notificationsRepair.catch(d.notifications),
  language: shape.language.catch(d.language),
  selfHostedGateway: shape.selfHostedGateway.catch(d.selfHostedGateway),
});

/** Turns anything read from storage into valid settings, repairing field by field. */
export function repairSettings(stored: unknown): Settings {
  const source = typeof stored === 'object' && stored !== null ? stored : {};
  return repairingSchema.parse(source);
}
