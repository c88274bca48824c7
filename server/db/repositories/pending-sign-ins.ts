import type { Queryable } from '../database';

export interface PendingSignIn {
  userId: string;
  rememberMe: boolean;
}

export const pendingSignInsRepository = (db: Queryable) => ({
  async insert(tokenHash: string, pending: PendingSignIn, expiresAt: Date): Promise<void> {
    await db.query(
      'INSERT INTO pending_sign_ins (token_hash, user_id, remember_me, expires_at) VALUES ($1, $2, $3, $4)',
      [tokenHash, pending.userId, pending.rememberMe, expiresAt],
    );
  },

  /** Counts one attempt at the second step; null when the token is unknown, spent, expired or out of attempts. */
  async attempt(tokenHash: string, now: Date, maxAttempts: number): Promise<PendingSignIn | null> {
    const { rows } = await db.query<PendingSignIn>(
      `UPDATE pending_sign_ins SET attempts = attempts + 1
       WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 AND attempts < $3
       RETURNING user_id AS "userId", remember_me AS "rememberMe"`,
      [tokenHash, now, maxAttempts],
    );
    return rows[0] ?? null;
  },

  async markUsed(tokenHash: string, now: Date): Promise<void> {
    await db.query('UPDATE pending_sign_ins SET used_at = $2 WHERE token_hash = $1', [tokenHash, now]);
  },
});
