import { MAX_STORED_BYTES } from '../../../src/api/storable';
import type { Queryable } from '../database';

export interface DeviceUsage {
  deviceId: string;
  day: string;
  bytes: number;
  userId: string | null;
  subscriptionExpiresAt: Date | null;
}

export const usageRepository = (db: Queryable) => ({
  /** Records a report batch id; false when it was already counted (a retry). */
  async claimBatch(batchId: string, now: Date): Promise<boolean> {
    const { rowCount } = await db.query(
      'INSERT INTO usage_batches (batch_id, received_at) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [batchId, now],
    );
    return rowCount === 1;
  },

  /**
   * Adds bytes per device and UTC day in one statement (unknown devices are skipped: a gateway's batch must
   * not fail on one stale entry) and returns the new totals with what decides the limit. Totals stop at
   * `MAX_STORED_BYTES` instead of overflowing `bigint`, which would fail (and so bring back) the batch.
   */
  async add(entries: { deviceId: string; day: string; bytes: number }[]): Promise<DeviceUsage[]> {
    if (entries.length === 0) return [];
    const { rows } = await db.query<DeviceUsage>(
      `WITH input AS (
         SELECT d.id AS device_id, t.day::date AS day, LEAST(sum(t.bytes), $4::bigint)::bigint AS bytes
         FROM unnest($1::uuid[], $2::text[], $3::bigint[]) AS t(device_id, day, bytes)
         JOIN devices d ON d.id = t.device_id
         GROUP BY d.id, t.day
       ), added AS (
         INSERT INTO usage_daily (device_id, day, bytes) SELECT device_id, day, bytes FROM input
         ON CONFLICT (device_id, day) DO UPDATE
           SET bytes = LEAST(usage_daily.bytes::numeric + EXCLUDED.bytes, $4::bigint)::bigint
         RETURNING device_id, day, bytes
       )
       SELECT a.device_id AS "deviceId", a.day::text AS day, a.bytes, d.user_id AS "userId", s.expires_at AS "subscriptionExpiresAt"
       FROM added a JOIN devices d ON d.id = a.device_id LEFT JOIN subscriptions s ON s.user_id = d.user_id`,
      [
        entries.map((e) => e.deviceId),
        entries.map((e) => e.day),
        entries.map((e) => e.bytes),
        MAX_STORED_BYTES,
      ],
    );
    return rows.map((row) => ({ ...row, bytes: Number(row.bytes) }));
  },

  /** Bytes per device and UTC day from `fromDay` to `toDay` (inclusive); days without traffic have no row. */
  async dailyBytes(
    deviceIds: readonly string[],
    fromDay: string,
    toDay: string,
  ): Promise<{ deviceId: string; day: string; bytes: number }[]> {
    if (deviceIds.length === 0) return [];
    const { rows } = await db.query<{ deviceId: string; day: string; bytes: number }>(
      `SELECT device_id AS "deviceId", day::text AS day, bytes FROM usage_daily
       WHERE device_id = ANY($1::uuid[]) AND day BETWEEN $2::date AND $3::date`,
      [deviceIds, fromDay, toDay],
    );
    return rows.map((row) => ({ ...row, bytes: Number(row.bytes) }));
  },

  /** Bytes of all these devices together from `fromDay` to `toDay` (inclusive). */
  async totalBytes(deviceIds: readonly string[], fromDay: string, toDay: string): Promise<number> {
    if (deviceIds.length === 0) return 0;
    const { rows } = await db.query<{ bytes: string | number | null }>(
      `SELECT sum(bytes) AS bytes FROM usage_daily
       WHERE device_id = ANY($1::uuid[]) AND day BETWEEN $2::date AND $3::date`,
      [deviceIds, fromDay, toDay],
    );
    // A sum of bigints is numeric: read it as a number that stays exact (as each day's total does).
    return Math.min(Number(rows[0]?.bytes ?? 0), MAX_STORED_BYTES);
  },

  async bytesOn(deviceId: string, day: string): Promise<number> {
    const { rows } = await db.query<{ bytes: number }>(
      'SELECT bytes FROM usage_daily WHERE device_id = $1 AND day = $2::date',
      [deviceId, day],
    );
    return Number(rows[0]?.bytes ?? 0);
  },
});
