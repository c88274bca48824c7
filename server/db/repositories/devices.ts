import type { Queryable } from '../database';

/** What a device access token unlocks, read in one query (the hot path of credential issuance). */
export interface DeviceContext {
  deviceId: string;
  userId: string | null;
  subscriptionExpiresAt: Date | null;
  subscriptionDeviceLimit: number | null;
  usedTodayBytes: number;
}

export interface AccountDeviceRow {
  id: string;
  name: string | null;
  platform: string | null;
  linkedAt: Date | null;
  lastSeenAt: Date | null;
}

// Subselects rather than joins: the same answer, and about half the planning work on the hot path (credential
// issuance and heartbeats run this once per request).
const contextSelect = `SELECT d.id AS "deviceId", d.user_id AS "userId",
    (SELECT s.expires_at FROM subscriptions s WHERE s.user_id = d.user_id) AS "subscriptionExpiresAt",
    (SELECT s.device_limit FROM subscriptions s WHERE s.user_id = d.user_id) AS "subscriptionDeviceLimit",
    COALESCE((SELECT u.bytes FROM usage_daily u WHERE u.device_id = d.id AND u.day = $3::date), 0) AS "usedTodayBytes"
  FROM devices d`;

// The account's own name wins over the one the extension registered with.
const accountDeviceColumns = `id, COALESCE(custom_name, name) AS name, platform, linked_at AS "linkedAt",
  last_seen_at AS "lastSeenAt"`;

const toContext = (row: DeviceContext | undefined): DeviceContext | null =>
  row === undefined ? null : { ...row, usedTodayBytes: Number(row.usedTodayBytes) };

export const devicesRepository = (db: Queryable) => ({
  async insert(device: {
    id: string;
    name: string | null;
    platform: string | null;
    now: Date;
  }): Promise<void> {
    await db.query(
      'INSERT INTO devices (id, name, platform, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)',
      [device.id, device.name, device.platform, device.now],
    );
  },

  /** Replaces the device's access token: only the newest one is valid. */
  async setAccessToken(id: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await db.query('UPDATE devices SET access_token_hash = $2, access_expires_at = $3 WHERE id = $1', [
      id,
      tokenHash,
      expiresAt,
    ]);
  },

  async contextByAccessToken(tokenHash: string, now: Date, day: string): Promise<DeviceContext | null> {
    const { rows } = await db.query<DeviceContext>(
      `${contextSelect} WHERE d.access_token_hash = $1 AND d.access_expires_at > $2 AND d.revoked_at IS NULL`,
      [tokenHash, now, day],
    );
    return toContext(rows[0]);
  },

  async contextById(id: string, now: Date, day: string): Promise<DeviceContext | null> {
    // $2 is unused here but keeps the parameter numbering of the shared select.
    const { rows } = await db.query<DeviceContext>(
      `${contextSelect} WHERE d.id = $1 AND $2::timestamptz IS NOT NULL`,
      [id, now, day],
    );
    return toContext(rows[0]);
  },

  /** Cheap heartbeat: writes at most once a minute per device. */
  async touch(id: string, now: Date): Promise<void> {
    await db.query(
      `UPDATE devices SET last_seen_at = $2 WHERE id = $1 AND (last_seen_at IS NULL OR last_seen_at < $2::timestamptz - interval '1 minute')`,
      [id, now],
    );
  },

  async link(id: string, userId: string, now: Date): Promise<void> {
    await db.query('UPDATE devices SET user_id = $2, linked_at = $3 WHERE id = $1', [id, userId, now]);
  },

  /** Unlinks a device; with `userId`, only if it belongs to that account (the portal side). */
  async unlink(id: string, userId: string | null = null): Promise<boolean> {
    // The name was the account's: the device's next account starts from the extension's own.
    const { rowCount } = await db.query(
      'UPDATE devices SET user_id = NULL, linked_at = NULL, custom_name = NULL WHERE id = $1 AND user_id IS NOT NULL AND ($2::uuid IS NULL OR user_id = $2::uuid)',
      [id, userId],
    );
    return rowCount === 1;
  },

  async countLinked(userId: string): Promise<number> {
    const { rows } = await db.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM devices WHERE user_id = $1 AND revoked_at IS NULL',
      [userId],
    );
    return rows[0]?.count ?? 0;
  },

  async listForUser(userId: string): Promise<AccountDeviceRow[]> {
    const { rows } = await db.query<AccountDeviceRow>(
      `SELECT ${accountDeviceColumns}
       FROM devices WHERE user_id = $1 AND revoked_at IS NULL ORDER BY linked_at`,
      [userId],
    );
    return rows;
  },

  /** One device of the account (not revoked); `lock` holds its row until the transaction ends. */
  async ofAccount(id: string, userId: string, lock = false): Promise<AccountDeviceRow | null> {
    const { rows } = await db.query<AccountDeviceRow>(
      `SELECT ${accountDeviceColumns}
       FROM devices WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL${lock ? ' FOR UPDATE' : ''}`,
      [id, userId],
    );
    return rows[0] ?? null;
  },

  /** The account's name for one of its devices; null when the device is not (or no longer) on the account. */
  async rename(id: string, userId: string, name: string): Promise<AccountDeviceRow | null> {
    const { rows } = await db.query<AccountDeviceRow>(
      `UPDATE devices SET custom_name = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL
       RETURNING ${accountDeviceColumns}`,
      [id, userId, name],
    );
    return rows[0] ?? null;
  },

  /** Ends the device's whole token chain: its access token and every refresh token. */
  async revokeChain(id: string, now: Date): Promise<void> {
    await db.query('UPDATE devices SET access_token_hash = NULL, access_expires_at = NULL WHERE id = $1', [
      id,
    ]);
    await db.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE device_id = $1 AND revoked_at IS NULL', [
      id,
      now,
    ]);
  },
});
export type DevicesRepository = ReturnType<typeof devicesRepository>;
