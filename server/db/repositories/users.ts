import type { Queryable } from '../database';

export interface UserRow {
  id: string;
  email: string;
  passwordHash: string;
  emailVerifiedAt: Date | null;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  createdAt: Date;
}

const columns = `id, email, password_hash AS "passwordHash", email_verified_at AS "emailVerifiedAt",
  totp_secret AS "totpSecret", totp_enabled_at AS "totpEnabledAt", created_at AS "createdAt"`;

export const usersRepository = (db: Queryable) => ({
  /** False when the email is taken (the caller answers the same either way). */
  async insert(user: {
    id: string;
    email: string;
    passwordHash: string;
    now: Date;
    verified?: boolean;
  }): Promise<boolean> {
    const { rowCount } = await db.query(
      `INSERT INTO users (id, email, password_hash, created_at, email_verified_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO NOTHING`,
      [user.id, user.email, user.passwordHash, user.now, user.verified === true ? user.now : null],
    );
    return rowCount === 1;
  },

  async byEmail(email: string): Promise<UserRow | null> {
    const { rows } = await db.query<UserRow>(`SELECT ${columns} FROM users WHERE email = $1`, [email]);
    return rows[0] ?? null;
  },

  async byId(id: string): Promise<UserRow | null> {
    const { rows } = await db.query<UserRow>(`SELECT ${columns} FROM users WHERE id = $1`, [id]);
    return rows[0] ?? null;
  },

  async markVerified(id: string, now: Date): Promise<void> {
    await db.query('UPDATE users SET email_verified_at = COALESCE(email_verified_at, $2) WHERE id = $1', [
      id,
      now,
    ]);
  },

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
  },

  /** A secret waiting for its first code; replaces an earlier unconfirmed one. */
  async setPendingTotp(id: string, secret: string): Promise<void> {
    await db.query(
      'UPDATE users SET totp_secret = $2, totp_last_step = NULL WHERE id = $1 AND totp_enabled_at IS NULL',
      [id, secret],
    );
  },

  async enableTotp(id: string, now: Date): Promise<void> {
    await db.query('UPDATE users SET totp_enabled_at = $2 WHERE id = $1', [id, now]);
  },

  async disableTotp(id: string): Promise<void> {
    await db.query(
      'UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = $1',
      [id],
    );
    await db.query('DELETE FROM recovery_codes WHERE user_id = $1', [id]);
  },

  /** Records a TOTP time step; false when that step (or a later one) was already used: a replay. */
  async acceptTotpStep(id: string, step: number): Promise<boolean> {
    const { rowCount } = await db.query(
      'UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)',
      [id, step],
    );
    return rowCount === 1;
  },

  async replaceRecoveryCodes(id: string, codeHashes: string[]): Promise<void> {
    await db.query('DELETE FROM recovery_codes WHERE user_id = $1', [id]);
    await db.query('INSERT INTO recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])', [
      id,
      codeHashes,
    ]);
  },

  /** Spends a recovery code; false when unknown or already spent. */
  async useRecoveryCode(id: string, codeHash: string, now: Date): Promise<boolean> {
    const { rowCount } = await db.query(
      'UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL',
      [id, codeHash, now],
    );
    return rowCount === 1;
  },
});
export type UsersRepository = ReturnType<typeof usersRepository>;
