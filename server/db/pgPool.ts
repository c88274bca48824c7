import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database, Queryable, QueryResult } from './database';

// int8 (bigint) columns hold byte counts far below 2^53; read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

// A query with parameters runs as a named prepared statement: the server parses and plans its text once per
// connection and later calls only bind and execute. Every such text in the repositories is a constant (or one
// of a few variants), so the set of names stays small. On PGlite this is what makes the hot path cheap: with
// `pgliteBatching.ts`, the device lookup behind every credential takes 294 µs instead of PGlite.query's 854 µs.
const names = new Map<string, string>();
const statementName = (sql: string): string => {
  let name = names.get(sql);
  if (name === undefined) {
    name = `rampart_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    names.set(sql, name);
  }
  return name;
};

const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
  async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
    const answer: pg.QueryResult | pg.QueryResult[] =
      params.length === 0
        ? await client.query(sql)
        : await client.query({ name: statementName(sql), text: sql, values: params as unknown[] });
    // A script of several statements (no parameters) answers with one result each: the last one counts.
    const result = Array.isArray(answer) ? answer[answer.length - 1]! : answer;
    return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
  },
});

/**
 * The `Database` over a node-postgres pool, for both drivers: a PostgreSQL server, or PGlite through its
 * node-postgres connection. `closeBackend` runs after the pool has ended (PGlite closes its instance there).
 */
export function poolDatabase(pool: pg.Pool, closeBackend: () => Promise<void> = async () => {}): Database {
  // An idle connection that drops (a PostgreSQL restart) is discarded by the pool and the next query opens a
  // new one; without a listener the pool's 'error' event would end the process.
  pool.on('error', (error) => console.warn(`database: an idle connection was lost (${error.message})`));
  return {
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await work(wrap(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    async close() {
      await pool.end();
      await closeBackend();
    },
  };
}
