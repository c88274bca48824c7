import type { Queryable } from '../database';

export type RefreshOutcome =
  { kind: 'valid'; deviceId: string } | { kind: 'reused'; deviceId: string } | { kind: 'unknown' };

export const refreshTokensRepository = (db: Queryable) => ({
  async insert(tokenHash: string, deviceId: string, now: Date): Promise<void> {
    await db.query('INSERT INTO refresh_tokens (token_hash, device_id, created_at) VALUES ($1, $2, $3)', [
      tokenHash,
      deviceId,
      now,
    ]);
  },

  /**
   * Spends a refresh token. A token already spent or revoked is reported as `reused`: someone else holds a
   * copy, so the caller ends the device's chain.
   */
  async spend(tokenHash: string, now: Date): Promise<RefreshOutcome> {
    const spent = await db.query<{ deviceId: string }>(
      `UPDATE refresh_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL
       RETURNING device_id AS "deviceId"`,
      [tokenHash, now],
    );
    const valid = spent.rows[0];
    if (valid !== undefined) return { kind: 'valid', deviceId: valid.deviceId };
    const known = await db.query<{ deviceId: string }>(
      'SELECT device_id AS "deviceId" FROM refresh_tokens WHERE token_hash = $1',
      [tokenHash],
    );
    const reused = known.rows[0];
    return reused === undefined ? { kind: 'unknown' } : { kind: 'reused', deviceId: reused.deviceId };
  },
});
