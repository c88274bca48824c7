import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { guessLimiter, guessLimitKey, type Database } from '../db';

type Counted = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Counted) => void;

/**
 * A store for `@fastify/rate-limit` that counts each address's requests in the service's database
 * (rate-limiter-flexible's PostgreSQL store, one atomic upsert per request), so N instances behind a load
 * balancer grant an address the same budget as one. Once an address is past its budget, this instance stops
 * asking the database until the window ends, so a flood costs no database work.
 */
export function floodGuardStore(db: Database) {
  return class FloodGuardStore {
    private readonly limiters = new Map<string, RateLimiterPostgres>();

    private limiter(timeWindowMs: number, max: number): RateLimiterPostgres {
      const id = `${timeWindowMs}:${max}`;
      let limiter = this.limiters.get(id);
      if (!limiter) {
        limiter = guessLimiter(db, {
          keyPrefix: `requestsIp${id}`,
          points: max,
          durationSeconds: Math.max(1, Math.round(timeWindowMs / 1000)),
          inMemoryBlockOnConsumed: max + 1,
        });
        this.limiters.set(id, limiter);
      }
      return limiter;
    }

    incr(ip: string, callback: Callback, timeWindowMs: number, max: number): void {
      this.limiter(timeWindowMs, max)
        .consume(guessLimitKey(ip), 1)
        .then(
          (res) => callback(null, { current: res.consumedPoints, ttl: res.msBeforeNext }),
          (reason: unknown) =>
            reason instanceof RateLimiterRes
              ? callback(null, {
                  current: Math.max(reason.consumedPoints, max + 1),
                  ttl: reason.msBeforeNext,
                })
              : callback(reason instanceof Error ? reason : new Error(String(reason))),
        );
    }

    child(): FloodGuardStore {
      return this;
    }
  };
}
