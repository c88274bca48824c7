import { z } from 'zod';
import { connectionStates } from '../status/states';
import { email, isoDate, opaqueToken, password, tier, totpCode, uuid } from './common';
import { text } from './storable';

export const registerDeviceRequest = z.strictObject({
  name: text().trim().min(1).max(100).optional(),
  platform: z.enum(['chrome', 'firefox', 'edge', 'other']).optional(),
});
/** Device tokens: keep `refreshToken` in storage; it rotates on every use. */
export const deviceTokens = z.object({
  deviceId: uuid,
  refreshToken: z.string(),
  accessToken: z.string(),
  accessTokenExpiresAt: isoDate,
});
export type DeviceTokens = z.infer<typeof deviceTokens>;

export const refreshDeviceTokenRequest = z.strictObject({ refreshToken: opaqueToken });

export const linkWithPasswordRequest = z.strictObject({ email, password, code: totpCode.optional() });
export const linkWithCodeRequest = z.strictObject({ code: opaqueToken });
export const linkedResponse = z.object({ accountId: uuid, email: z.string(), tier });

export const linkCodeResponse = z.object({ code: z.string(), expiresAt: isoDate });

export const deviceStatusResponse = z.object({
  deviceId: uuid,
  accountId: uuid.nullable(),
  tier,
  dailyLimitBytes: z.number().int().nullable(),
  usedTodayBytes: z.number().int(),
  resetsAt: isoDate,
});

/** What a device last reported, in brief: enough for a list row (the device's own page has the rest). */
export const deviceStatusSummary = z.object({
  /** Reported within the last two minutes (the extension reports every 30 seconds while it runs). */
  online: z.boolean(),
  reportedAt: isoDate,
  vpn: z.enum(connectionStates),
  protectionEnabled: z.boolean(),
  /** Open problems: each listed problem counts once, a group of detections counts once. */
  problems: z.number().int().nonnegative(),
});
export type DeviceStatusSummary = z.infer<typeof deviceStatusSummary>;

export const accountDeviceView = z.object({
  id: uuid,
  /** The name the account gave it, else the one the extension registered with. */
  name: z.string().nullable(),
  platform: z.string().nullable(),
  linkedAt: isoDate.nullable(),
  lastSeenAt: isoDate.nullable(),
  /** Null until the device reported while linked to this account. */
  status: deviceStatusSummary.nullable(),
});
export type AccountDeviceView = z.infer<typeof accountDeviceView>;
export const accountDevicesResponse = z.object({ devices: z.array(accountDeviceView) });
export const deviceIdParams = z.strictObject({ id: uuid });

/** The longest name a device may be given (what a list row shows without wrapping twice). */
export const DEVICE_NAME_MAX_LENGTH = 64;
// Control characters (line breaks, tabs, escapes) would break the lists the name appears in.
const CONTROL_CHARACTER = /\p{Cc}/u;
/** A device's name as a person types it: trimmed, 1–64 characters, one line. */
export const deviceName = text()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(DEVICE_NAME_MAX_LENGTH, { message: `must be at most ${DEVICE_NAME_MAX_LENGTH} characters` })
  .refine((value) => !CONTROL_CHARACTER.test(value), { message: 'must be one line of text' });

/** PATCH /api/v1/account/devices/:id (session + CSRF): renames the device; the extension never overrides it. */
export const renameDeviceRequest = z.strictObject({ name: deviceName });
export const renameDeviceResponse = z.object({ device: accountDeviceView });
