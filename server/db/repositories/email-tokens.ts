import type { Queryable } from '../database';

export type EmailTokenPurpose = 'verifyEmail' | 'resetPassword';

export const emailTokensRepository = (db: Queryable) => ({
  async insert(token: {
    tokenHash: string;
    userId: string;
    purpose: EmailTokenPurpose;
    now: Date;
    expiresAt: Date;
  }): Promise<void> {
    await db.query(
      'INSERT INTO email_tokens (token_hash, user_id, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [token.tokenHash, token.userId, token.purpose, token.now, token.expiresAt],
    );
  },

  /** Spends a token in one statement (two concurrent clicks cannot both succeed); returns its user. */
  async consume(tokenHash: string, purpose: EmailTokenPurpose, now: Date): Promise<string | null> {
    const { rows } = await db.query<{ userId: string }>(
      `UPDATE email_tokens SET used_at = $3
       WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
       RETURNING user_id AS "userId"`,
      [tokenHash, purpose, now],
    );
    return rows[0]?.userId ?? null;
  },

  /** The user of a live token, without spending it. */
  async peek(tokenHash: string, purpose: EmailTokenPurpose, now: Date): Promise<string | null> {
    const { rows } = await db.query<{ userId: string }>(
      'SELECT user_id AS "userId" FROM email_tokens WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3',
      [tokenHash, purpose, now],
    );
    return rows[0]?.userId ?? null;
  },

  /** Every live link of the account, whatever its purpose, stops working (its password changed). */
  async spendEvery(userId: string, now: Date): Promise<void> {
    await db.query('UPDATE email_tokens SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [
      userId,
      now,
    ]);
  },

  /** Earlier links stop working once a newer one is sent or one is used. */
  async spendAll(userId: string, purpose: EmailTokenPurpose, now: Date): Promise<void> {
    await db.query(
      'UPDATE email_tokens SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL',
      [userId, purpose, now],
    );
  },
});
