import type { Queryable } from '../database';

export interface ThreatVersionRow {
  version: number;
  createdAt: Date;
  sha256: string;
  domains: number;
  urls: number;
  origin: 'bundled' | 'import';
  /** Whether the snapshot is still kept (deltas can start from it). */
  kept: boolean;
}

export interface ThreatSourceRow {
  list: string;
  kind: 'domain' | 'url';
  /** JSON text: [[value, threat], ...]. */
  entries: string;
}

export interface FalsePositiveRow {
  id: number;
  url: string;
  listVersion: number;
  comment: string | null;
  ip: string;
  createdAt: Date;
}

const versionColumns = `version, created_at AS "createdAt", sha256, domains, urls, origin, snapshot IS NOT NULL AS kept`;

export const threatsRepository = (db: Queryable) => ({
  /** Serialises publishers (server and CLI may import at once) until the transaction ends. */
  async lockVersions(): Promise<void> {
    await db.query('LOCK TABLE threat_versions IN EXCLUSIVE MODE');
  },

  async latestVersion(): Promise<ThreatVersionRow | null> {
    const { rows } = await db.query<ThreatVersionRow>(
      `SELECT ${versionColumns} FROM threat_versions ORDER BY version DESC LIMIT 1`,
    );
    return rows[0] ?? null;
  },

  async versions(limit: number): Promise<ThreatVersionRow[]> {
    const { rows } = await db.query<ThreatVersionRow>(
      `SELECT ${versionColumns} FROM threat_versions ORDER BY version DESC LIMIT $1`,
      [limit],
    );
    return rows;
  },

  /** The snapshot JSON of `version`; null when unknown or no longer kept. */
  async snapshotText(version: number): Promise<string | null> {
    const { rows } = await db.query<{ snapshot: string | null }>(
      'SELECT snapshot FROM threat_versions WHERE version = $1',
      [version],
    );
    return rows[0]?.snapshot ?? null;
  },

  /** False when the version already exists (another process seeded or published it first). */
  async insertVersion(row: Omit<ThreatVersionRow, 'kept'> & { snapshot: string }): Promise<boolean> {
    const { rowCount } = await db.query(
      `INSERT INTO threat_versions (version, created_at, sha256, domains, urls, origin, snapshot)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (version) DO NOTHING`,
      [row.version, row.createdAt, row.sha256, row.domains, row.urls, row.origin, row.snapshot],
    );
    return rowCount === 1;
  },

  /** Drops the snapshots of versions older than `oldestKept` (their metadata stays). */
  async pruneSnapshots(oldestKept: number): Promise<void> {
    await db.query('UPDATE threat_versions SET snapshot = NULL WHERE version < $1 AND snapshot IS NOT NULL', [
      oldestKept,
    ]);
  },

  async sources(): Promise<ThreatSourceRow[]> {
    const { rows } = await db.query<ThreatSourceRow>(
      'SELECT list, kind, entries FROM threat_sources ORDER BY list, kind',
    );
    return rows;
  },

  async replaceSource(source: ThreatSourceRow & { count: number; now: Date }): Promise<void> {
    await db.query(
      `INSERT INTO threat_sources (list, kind, entries, entry_count, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (list, kind) DO UPDATE SET entries = EXCLUDED.entries, entry_count = EXCLUDED.entry_count,
         updated_at = EXCLUDED.updated_at`,
      [source.list, source.kind, source.entries, source.count, source.now],
    );
  },

  async insertFalsePositive(report: Omit<FalsePositiveRow, 'id'>): Promise<void> {
    await db.query(
      `INSERT INTO threat_false_positives (url, list_version, comment, ip, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [report.url, report.listVersion, report.comment, report.ip, report.createdAt],
    );
  },

  async falsePositivesFromIpSince(ip: string, since: Date): Promise<number> {
    const { rows } = await db.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM threat_false_positives WHERE ip = $1 AND created_at > $2',
      [ip, since],
    );
    return rows[0]?.count ?? 0;
  },

  async latestFalsePositives(limit: number): Promise<FalsePositiveRow[]> {
    const { rows } = await db.query<FalsePositiveRow>(
      `SELECT id::int AS id, url, list_version AS "listVersion", comment, ip, created_at AS "createdAt"
       FROM threat_false_positives ORDER BY id DESC LIMIT $1`,
      [limit],
    );
    return rows;
  },
});
