import type { Queryable } from '../database';

export interface SubscriptionRow {
  deviceLimit: number;
  expiresAt: Date;
}

export const subscriptionsRepository = (db: Queryable) => ({
  async byUser(userId: string): Promise<SubscriptionRow | null> {
    const { rows } = await db.query<SubscriptionRow>(
      'SELECT device_limit AS "deviceLimit", expires_at AS "expiresAt" FROM subscriptions WHERE user_id = $1',
      [userId],
    );
    return rows[0] ?? null;
  },

  /**
   * Adds `days` of unlimited service: from the current expiry when still running, else from now. The device
   * limit never shrinks while the subscription runs.
   */
  async extend(userId: string, days: number, deviceLimit: number, now: Date): Promise<SubscriptionRow> {
    const { rows } = await db.query<SubscriptionRow>(
      `INSERT INTO subscriptions (user_id, plan, device_limit, expires_at, created_at, updated_at)
       VALUES ($1, 'unlimited', $3, $4::timestamptz + make_interval(days => $2::int), $4, $4)
       ON CONFLICT (user_id) DO UPDATE SET
         device_limit = CASE WHEN subscriptions.expires_at > $4 THEN GREATEST(subscriptions.device_limit, $3) ELSE $3 END,
         expires_at = GREATEST(subscriptions.expires_at, $4::timestamptz) + make_interval(days => $2::int),
         updated_at = $4
       RETURNING device_limit AS "deviceLimit", expires_at AS "expiresAt"`,
      [userId, days, deviceLimit, now],
    );
    const row = rows[0];
    if (row === undefined) throw new Error('subscription upsert returned no row');
    return row;
  },
});

export const activationCodesRepository = (db: Queryable) => ({
  async insert(codeHash: string, days: number, deviceLimit: number, now: Date): Promise<void> {
    await db.query(
      'INSERT INTO activation_codes (code_hash, days, device_limit, created_at) VALUES ($1, $2, $3, $4)',
      [codeHash, days, deviceLimit, now],
    );
  },

  async redeem(
    codeHash: string,
    userId: string,
    now: Date,
  ): Promise<{ days: number; deviceLimit: number } | null> {
    const { rows } = await db.query<{ days: number; deviceLimit: number }>(
      `UPDATE activation_codes SET redeemed_at = $3, redeemed_by = $2 WHERE code_hash = $1 AND redeemed_at IS NULL
       RETURNING days, device_limit AS "deviceLimit"`,
      [codeHash, userId, now],
    );
    return rows[0] ?? null;
  },
});
