import type { Queryable } from '../database';

export interface SessionRow {
  id: string;
  userId: string;
  persistent: boolean;
  userAgent: string | null;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

const columns = `id, user_id AS "userId", persistent, user_agent AS "userAgent", ip, created_at AS "createdAt",
  last_seen_at AS "lastSeenAt", expires_at AS "expiresAt"`;

export const sessionsRepository = (db: Queryable) => ({
  async insert(session: SessionRow & { tokenHash: string }): Promise<void> {
    await db.query(
      `INSERT INTO sessions (id, user_id, token_hash, persistent, user_agent, ip, created_at, last_seen_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        session.id,
        session.userId,
        session.tokenHash,
        session.persistent,
        session.userAgent,
        session.ip,
        session.createdAt,
        session.lastSeenAt,
        session.expiresAt,
      ],
    );
  },

  async activeByTokenHash(tokenHash: string, now: Date): Promise<SessionRow | null> {
    const { rows } = await db.query<SessionRow>(
      `SELECT ${columns} FROM sessions WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2`,
      [tokenHash, now],
    );
    return rows[0] ?? null;
  },

  /** Refreshes "last seen" at most once a minute, so reads do not turn into writes on every request. */
  async touch(id: string, now: Date): Promise<void> {
    await db.query(
      `UPDATE sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $2::timestamptz - interval '1 minute'`,
      [id, now],
    );
  },

  async listActive(userId: string, now: Date): Promise<SessionRow[]> {
    const { rows } = await db.query<SessionRow>(
      `SELECT ${columns} FROM sessions WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2 ORDER BY created_at`,
      [userId, now],
    );
    return rows;
  },

  async revoke(id: string, userId: string, now: Date): Promise<boolean> {
    const { rowCount } = await db.query(
      'UPDATE sessions SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL',
      [id, userId, now],
    );
    return rowCount === 1;
  },

  /** Signs the account out everywhere except `keepId` (the session changing the password). */
  async revokeAll(userId: string, now: Date, keepId: string | null = null): Promise<void> {
    await db.query(
      'UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)',
      [userId, now, keepId],
    );
  },
});
export type SessionsRepository = ReturnType<typeof sessionsRepository>;
