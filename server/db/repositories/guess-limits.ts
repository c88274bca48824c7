import type { Queryable } from '../database';

/** The table of `006_guess_limits.sql`. */
export const GUESS_LIMITS_TABLE = 'guess_limits';

/**
 * rate-limiter-flexible's PostgreSQL store speaks to a node-postgres pool with query objects
 * (`{ name, text, values }`); this hands its statements to our `Database` instead, so the same counters run on
 * PGlite and on a PostgreSQL server. The statement name is dropped: `pgPool.ts` names every parameterised
 * statement itself.
 */
export const guessLimitsStore = (db: Queryable) => ({
  query: (q: { text: string; values?: unknown[] }) => db.query(q.text, q.values ?? []),
});

export const guessLimitsRepository = (db: Queryable) => ({
  /** Drops windows that ended before `beforeMs` (rows of keys never seen again would stay forever). */
  async deleteExpired(beforeMs: number): Promise<number> {
    const { rowCount } = await db.query(`DELETE FROM ${GUESS_LIMITS_TABLE} WHERE expire < $1`, [beforeMs]);
    return rowCount;
  },
});
