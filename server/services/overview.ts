import type { Overview } from '../../src/api/overview';
import type { Limits } from '../config';
import { usageRepository, type Database } from '../db';
import type { AccountDevicesService } from './account-devices';
import type { SubscriptionsService } from './subscriptions';
import { utcDay } from './time';

const DAY_MS = 86_400_000;

/** Whole days until `expiresAt`, a started day counting as one (so the last day still reads "1 day left"). */
export const daysLeft = (expiresAt: Date, now: Date): number =>
  Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS));

/** The first day of `now`'s month (UTC). */
export const monthStart = (now: Date): string =>
  utcDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)));

/** The portal's Overview: plan and days left, devices with their state, this month's secure traffic. */
export function createOverviewService(deps: {
  db: Database;
  now: () => Date;
  limits: Limits;
  subscriptions: Pick<SubscriptionsService, 'view'>;
  accountDevices: Pick<AccountDevicesService, 'list'>;
}) {
  const usage = usageRepository(deps.db);
  return {
    async overview(userId: string): Promise<Overview> {
      const now = deps.now();
      const [subscription, devices] = await Promise.all([
        deps.subscriptions.view(userId),
        deps.accountDevices.list(userId),
      ]);
      const from = monthStart(now);
      const through = utcDay(now);
      return {
        subscription: {
          ...subscription,
          daysLeft: subscription.expiresAt === null ? null : daysLeft(new Date(subscription.expiresAt), now),
          dailyLimitBytes: subscription.tier === 'unlimited' ? null : deps.limits.freeDailyBytes,
        },
        devices,
        trafficThisMonth: {
          from,
          through,
          bytes: await usage.totalBytes(
            devices.map((device) => device.id),
            from,
            through,
          ),
        },
      };
    },
  };
}
export type OverviewService = ReturnType<typeof createOverviewService>;
