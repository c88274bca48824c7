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

/** How codes are printed: five groups of four base32 characters, as the CLI issues them. */
export const ACTIVATION_CODE_GROUPS = 5;
export const ACTIVATION_CODE_GROUP_SIZE = 4;
/** What people are shown as the code's shape: "XXXX-XXXX-XXXX-XXXX-XXXX". */
export const activationCodeShape = Array.from({ length: ACTIVATION_CODE_GROUPS }, () =>
  'X'.repeat(ACTIVATION_CODE_GROUP_SIZE),
).join('-');

// Codes are printed as groups (see above); spacing and case do not matter when typed back.
export const activationCode = text()
  .trim()
  .min(8)
  .max(64)
  .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z2-7]+$/, 'expected an activation code'));

export const activateRequest = z.strictObject({ code: activationCode });
export const subscriptionResponse = z.object({ subscription: subscriptionView });
