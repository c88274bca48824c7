import { z } from 'zod';
import { isoDate, tier } from './common';
import { text } from './storable';

export const subscriptionView = z.object({
  tier,
  expiresAt: isoDate.nullable(),
  deviceLimit: z.number().int(),
  devicesUsed: z.number().int(),
});
export type SubscriptionView = z.infer<typeof subscriptionView>;

// Codes are printed as groups (XXXX-XXXX-…); spacing and case do not matter when typed back.
export const activationCode = text()
  .trim()
  .min(8)
  .max(64)
  .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z2-7]+$/, 'expected an activation code'));

export const activateRequest = z.strictObject({ code: activationCode });
export const subscriptionResponse = z.object({ subscription: subscriptionView });
