import { createHash } from 'node:crypto';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
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

/**
 * One family of fixed-window counters in this table, counted atomically in the database so every service
 * instance on it enforces one limit. `keyPrefix` keeps families apart; `inMemoryBlockOnConsumed` lets an
 * instance refuse a key already over its limit without asking the database again until the window ends.
 */
export const guessLimiter = (
  db: Queryable,
  family: { keyPrefix: string; points: number; durationSeconds: number; inMemoryBlockOnConsumed?: number },
) =>
  new RateLimiterPostgres({
    storeClient: guessLimitsStore(db),
    storeType: 'pool',
    tableName: GUESS_LIMITS_TABLE,
    tableCreated: true,
    clearExpiredByTimeout: false,
    keyPrefix: family.keyPrefix,
    points: family.points,
    duration: family.durationSeconds,
    ...(family.inMemoryBlockOnConsumed === undefined
      ? {}
      : { inMemoryBlockOnConsumed: family.inMemoryBlockOnConsumed }),
  });

/** A counted subject (an email, an address) as stored: never in clear, and always within the key's varchar(255). */
export const guessLimitKey = (subject: string) => createHash('sha256').update(subject).digest('base64url');

export const guessLimitsRepository = (db: Queryable) => ({
  /** Drops windows that ended before `beforeMs` (rows of keys never seen again would stay forever). */
  async deleteExpired(beforeMs: number): Promise<number> {
    const { rowCount } = await db.query(`DELETE FROM ${GUESS_LIMITS_TABLE} WHERE expire < $1`, [beforeMs]);
    return rowCount;
  },
});
