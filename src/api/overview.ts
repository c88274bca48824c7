import { z } from 'zod';
import { accountDeviceView } from './devices';
import { subscriptionView } from './subscriptions';

// The portal's Overview in one call: the plan and how long it runs, each device with its state, and this
// month's secure traffic. What to do next (link a browser, turn on two-step verification) follows from it
// and from the signed-in account, so the portal works it out (portal/overview.ts).

/** YYYY-MM-DD, a UTC day. */
const utcDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** GET /api/v1/account/overview (session). */
export const overviewResponse = z.object({
  subscription: subscriptionView.extend({
    /** Whole days until the subscription ends, counting a started day (null without one). */
    daysLeft: z.number().int().nonnegative().nullable(),
    /** Secure traffic each browser of the account may use a day (null: unlimited). */
    dailyLimitBytes: z.number().int().nonnegative().nullable(),
  }),
  devices: z.array(accountDeviceView),
  /** Bytes through the VPN since the first of this month (UTC), by every device now on the account. */
  trafficThisMonth: z.object({ from: utcDay, through: utcDay, bytes: z.number().int().nonnegative() }),
});
export type Overview = z.infer<typeof overviewResponse>;

/**
 * GET /api/v1/plans (public): what each plan gives, from the service's own limits, and where to buy a
 * subscription when the operator set one (`PURCHASE_URL`; null: only activation codes).
 */
export const plansResponse = z.object({
  anonymousDailyBytes: z.number().int().nonnegative(),
  freeDailyBytes: z.number().int().nonnegative(),
  freeDeviceLimit: z.number().int().nonnegative(),
  purchaseUrl: z.url({ protocol: /^https?$/ }).nullable(),
});
export type Plans = z.infer<typeof plansResponse>;
