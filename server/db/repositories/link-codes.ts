import type { Queryable } from '../database';

export const linkCodesRepository = (db: Queryable) => ({
  async insert(codeHash: string, userId: string, now: Date, expiresAt: Date): Promise<void> {
    await db.query(
      'INSERT INTO link_codes (code_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [codeHash, userId, now, expiresAt],
    );
  },

  /** Spends a code once; returns the account it links to. */
  async consume(codeHash: string, now: Date): Promise<string | null> {
    const { rows } = await db.query<{ userId: string }>(
      `UPDATE link_codes SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id AS "userId"`,
      [codeHash, now],
    );
    return rows[0]?.userId ?? null;
  },
});
