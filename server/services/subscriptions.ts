import type { SubscriptionView } from '../../src/api/subscriptions';
import type { Limits } from '../config';
import { activationCodesRepository, devicesRepository, subscriptionsRepository, type Database } from '../db';
import { ApiError } from '../errors';
import { groupCode, hashToken, newTypableCode } from '../security/tokens';
import { accountEntitlement } from './entitlements';
import type { Throttle } from './throttle';

// 20 base32 characters: 100 bits, beyond guessing even without the throttle.
const CODE_LENGTH = 20;

export function createSubscriptionsService(deps: {
  db: Database;
  now: () => Date;
  limits: Limits;
  throttle: Throttle;
}) {
  const codes = activationCodesRepository(deps.db);
  const devices = devicesRepository(deps.db);

  async function view(userId: string): Promise<SubscriptionView> {
    const now = deps.now();
    const { entitlement, subscription } = await accountEntitlement(deps.db, userId, now, deps.limits);
    return {
      tier: entitlement.tier,
      expiresAt:
        entitlement.tier === 'unlimited' && subscription ? subscription.expiresAt.toISOString() : null,
      deviceLimit: entitlement.deviceLimit,
      devicesUsed: await devices.countLinked(userId),
    };
  }

  return {
    view,

    /** Redeems a code for the account: days are added to a running subscription, or start now. */
    async activate(userId: string, code: string, ip: string | null): Promise<SubscriptionView> {
      const attempts = [['verifyIp', ip ?? 'unknown']] as const;
      const reservation = await deps.throttle.reserve(attempts);
      const redeemed = await deps.db.transaction(async (tx) => {
        const found = await activationCodesRepository(tx).redeem(hashToken(code), userId, deps.now());
        if (found === null) return false;
        await subscriptionsRepository(tx).extend(userId, found.days, found.deviceLimit, deps.now());
        return true;
      });
      if (!redeemed) {
        throw new ApiError('invalidActivationCode', 'This activation code is invalid or was already used.');
      }
      await reservation.succeed();
      return view(userId);
    },

    /** For the CLI: new codes, printed once (only their hashes are kept). */
    async createCodes(count: number, days: number, deviceLimit: number): Promise<string[]> {
      const created: string[] = [];
      for (let i = 0; i < count; i += 1) {
        const code = newTypableCode(CODE_LENGTH);
        await codes.insert(hashToken(code), days, deviceLimit, deps.now());
        created.push(groupCode(code));
      }
      return created;
    },
  };
}
export type SubscriptionsService = ReturnType<typeof createSubscriptionsService>;
