import type { Tier } from '../../src/api/common';
import type { Limits } from '../config';
import { subscriptionsRepository, type Queryable } from '../db';

export interface Entitlement {
  tier: Tier;
  /** null: unlimited. */
  dailyLimitBytes: number | null;
  deviceLimit: number;
}

/** What a device may do: a running subscription beats a free account, which beats no account. */
export function entitlementOf(
  owner: {
    userId: string | null;
    subscriptionExpiresAt: Date | null;
    subscriptionDeviceLimit: number | null;
  },
  now: Date,
  limits: Limits,
): Entitlement {
  if (owner.userId === null)
    return { tier: 'anonymous', dailyLimitBytes: limits.anonymousDailyBytes, deviceLimit: 1 };
  if (owner.subscriptionExpiresAt !== null && owner.subscriptionExpiresAt > now) {
    return {
      tier: 'unlimited',
      dailyLimitBytes: null,
      deviceLimit: owner.subscriptionDeviceLimit ?? limits.freeDeviceLimit,
    };
  }
  return { tier: 'free', dailyLimitBytes: limits.freeDailyBytes, deviceLimit: limits.freeDeviceLimit };
}

/** An account's entitlement from its subscription row (`db` may be a transaction), with the row itself. */
export async function accountEntitlement(db: Queryable, userId: string, now: Date, limits: Limits) {
  const subscription = await subscriptionsRepository(db).byUser(userId);
  const entitlement = entitlementOf(
    {
      userId,
      subscriptionExpiresAt: subscription?.expiresAt ?? null,
      subscriptionDeviceLimit: subscription?.deviceLimit ?? null,
    },
    now,
    limits,
  );
  return { entitlement, subscription };
}
