import type { Queryable } from '../database';

export interface DeviceReportRow {
  /** The stored JSON, as the device sent it (validated when it arrived). */
  state: unknown;
  reportedAt: Date;
}

export interface CommandRow {
  id: string;
  /** The stored JSON, validated when it was queued. */
  command: unknown;
  createdAt: Date;
  expiresAt: Date;
  deliveredAt: Date | null;
  finishedAt: Date | null;
  outcome: 'done' | 'failed' | null;
  message: string | null;
}

export interface ResolutionsRow {
  resolvedThrough: number;
  keys: string[];
}

const commandColumns = `id, command, created_at AS "createdAt", expires_at AS "expiresAt",
  delivered_at AS "deliveredAt", finished_at AS "finishedAt", outcome, message`;

// JSON goes in as text cast to jsonb: both drivers pass a string parameter through unchanged.
const json = (value: unknown): string => JSON.stringify(value);

export const managementRepository = (db: Queryable) => ({
  async saveReport(deviceId: string, state: unknown, now: Date): Promise<void> {
    await db.query(
      `INSERT INTO device_reports (device_id, state, reported_at) VALUES ($1, $2::text::jsonb, $3)
       ON CONFLICT (device_id) DO UPDATE SET state = EXCLUDED.state, reported_at = EXCLUDED.reported_at`,
      [deviceId, json(state), now],
    );
  },

  async report(deviceId: string): Promise<DeviceReportRow | null> {
    const { rows } = await db.query<DeviceReportRow>(
      'SELECT state, reported_at AS "reportedAt" FROM device_reports WHERE device_id = $1',
      [deviceId],
    );
    return rows[0] ?? null;
  },

  /** The latest reports of several devices at once, with their resolutions (a device list in one round trip). */
  async reportsOf(
    deviceIds: readonly string[],
  ): Promise<(DeviceReportRow & { deviceId: string; resolutions: ResolutionsRow | null })[]> {
    if (deviceIds.length === 0) return [];
    const { rows } = await db.query<
      DeviceReportRow & { deviceId: string; resolvedThrough: number | null; keys: string[] | null }
    >(
      `SELECT r.device_id AS "deviceId", r.state, r.reported_at AS "reportedAt",
         x.resolved_through AS "resolvedThrough", x.keys
       FROM device_reports r LEFT JOIN detection_resolutions x ON x.device_id = r.device_id
       WHERE r.device_id = ANY($1::uuid[])`,
      [deviceIds],
    );
    return rows.map(({ resolvedThrough, keys, ...row }) => ({
      ...row,
      resolutions:
        resolvedThrough === null ? null : { resolvedThrough: Number(resolvedThrough), keys: keys ?? [] },
    }));
  },

  /** Records results of the device's own unfinished commands; other ids are ignored. Returns how many counted. */
  async finishCommands(
    deviceId: string,
    results: readonly { id: string; outcome: 'done' | 'failed'; message: string }[],
    now: Date,
  ): Promise<number> {
    if (results.length === 0) return 0;
    const { rowCount } = await db.query(
      `UPDATE device_commands c SET finished_at = $5, outcome = r.outcome, message = r.message
       FROM unnest($2::uuid[], $3::text[], $4::text[]) AS r(id, outcome, message)
       WHERE c.id = r.id AND c.device_id = $1 AND c.finished_at IS NULL`,
      [deviceId, results.map((r) => r.id), results.map((r) => r.outcome), results.map((r) => r.message), now],
    );
    return rowCount;
  },

  /**
   * The commands the device should run now, oldest first, stamped as delivered on first hand-out: unfinished,
   * unexpired, and queued by the account the device is linked to now.
   */
  async handOut(deviceId: string, now: Date): Promise<CommandRow[]> {
    const { rows } = await db.query<CommandRow & { seq: number }>(
      `UPDATE device_commands c SET delivered_at = COALESCE(c.delivered_at, $2)
       FROM devices d
       WHERE c.device_id = $1 AND d.id = c.device_id AND c.user_id = d.user_id AND d.revoked_at IS NULL
         AND c.finished_at IS NULL AND c.expires_at > $2
       RETURNING c.seq, c.id, c.command, c.created_at AS "createdAt", c.expires_at AS "expiresAt",
         c.delivered_at AS "deliveredAt", c.finished_at AS "finishedAt", c.outcome, c.message`,
      [deviceId, now],
    );
    return rows
      .map((row) => ({ ...row, seq: Number(row.seq) }))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.seq - b.seq)
      .map(({ seq: _seq, ...row }) => row);
  },

  async insertCommand(command: {
    id: string;
    deviceId: string;
    userId: string;
    command: unknown;
    now: Date;
    expiresAt: Date;
  }): Promise<CommandRow> {
    const { rows } = await db.query<CommandRow>(
      `INSERT INTO device_commands (id, device_id, user_id, command, created_at, expires_at)
       VALUES ($1, $2, $3, $4::text::jsonb, $5, $6) RETURNING ${commandColumns}`,
      [command.id, command.deviceId, command.userId, json(command.command), command.now, command.expiresAt],
    );
    const row = rows[0];
    if (row === undefined) throw new Error('command insert returned no row');
    return row;
  },

  /** Commands of the account still waiting to run on the device. */
  async countWaiting(deviceId: string, userId: string, now: Date): Promise<number> {
    const { rows } = await db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM device_commands
       WHERE device_id = $1 AND user_id = $2 AND finished_at IS NULL AND expires_at > $3`,
      [deviceId, userId, now],
    );
    return rows[0]?.count ?? 0;
  },

  /** The account's commands for the device queued since `since`, newest first. */
  async commandsSince(deviceId: string, userId: string, since: Date): Promise<CommandRow[]> {
    const { rows } = await db.query<CommandRow>(
      `SELECT ${commandColumns} FROM device_commands WHERE device_id = $1 AND user_id = $2 AND created_at >= $3
       ORDER BY created_at DESC, seq DESC`,
      [deviceId, userId, since],
    );
    return rows;
  },

  /** History older than the portal shows is of no use to anyone. */
  async pruneCommands(deviceId: string, before: Date): Promise<void> {
    await db.query('DELETE FROM device_commands WHERE device_id = $1 AND created_at < $2', [
      deviceId,
      before,
    ]);
  },

  async resolutions(deviceId: string): Promise<ResolutionsRow | null> {
    const { rows } = await db.query<ResolutionsRow>(
      'SELECT resolved_through AS "resolvedThrough", keys FROM detection_resolutions WHERE device_id = $1',
      [deviceId],
    );
    const row = rows[0];
    return row === undefined ? null : { resolvedThrough: Number(row.resolvedThrough), keys: row.keys };
  },

  async saveResolutions(deviceId: string, resolutions: ResolutionsRow): Promise<void> {
    await db.query(
      `INSERT INTO detection_resolutions (device_id, resolved_through, keys) VALUES ($1, $2, $3::text[])
       ON CONFLICT (device_id) DO UPDATE SET resolved_through = EXCLUDED.resolved_through, keys = EXCLUDED.keys`,
      [deviceId, resolutions.resolvedThrough, resolutions.keys],
    );
  },

  /**
   * The device left its account: its report and resolutions go (the next account must not see them), and
   * its waiting commands expire now, so they are never handed out and the history says why.
   */
  async forgetDevice(deviceId: string, now: Date): Promise<void> {
    await db.query('DELETE FROM device_reports WHERE device_id = $1', [deviceId]);
    await db.query('DELETE FROM detection_resolutions WHERE device_id = $1', [deviceId]);
    await db.query(
      `UPDATE device_commands SET expires_at = $2
       WHERE device_id = $1 AND finished_at IS NULL AND expires_at > $2`,
      [deviceId, now],
    );
  },
});
export type ManagementRepository = ReturnType<typeof managementRepository>;
