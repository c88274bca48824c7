import { z } from 'zod';
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

export const accountDeviceView = z.object({
  id: uuid,
  name: z.string().nullable(),
  platform: z.string().nullable(),
  linkedAt: isoDate.nullable(),
  lastSeenAt: isoDate.nullable(),
});
export const accountDevicesResponse = z.object({ devices: z.array(accountDeviceView) });
export const deviceIdParams = z.strictObject({ id: uuid });
