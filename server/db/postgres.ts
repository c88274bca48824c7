import pg from 'pg';
import type { Database } from './database';
import { poolDatabase } from './pgPool';

/** A PostgreSQL server through a connection pool (`DATABASE_URL`). */
export async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // Fail at start-up, not at the first request, when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  return poolDatabase(pool);
}
