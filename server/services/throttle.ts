import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { guessLimiter, guessLimitKey, guessLimitsRepository, type Database } from '../db';
import { ApiError } from '../errors';

export interface ThrottleConfig {
  windowMs: number;
  signInPerAccount: number;
  signInPerIp: number;
  /** Sign-ins from a browser holding the account's device cookie, counted per cookie instead of per account. */
  signInPerDevice: number;
  /**
   * Password guesses by a signed-in session (changing the password, turning 2FA off), counted per session instead
   * of per account: a session cannot mint more sessions, and the owner can still change a password that
   * strangers are guessing.
   */
  signInPerSession: number;
  twoFactorPerAccount: number;
  resetPerAccount: number;
  resetPerIp: number;
  verifyPerIp: number;
  registerPerIp: number;
  /** Failures allowed before answers start slowing down. */
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export type Scope =
  | 'signInAccount'
  | 'signInIp'
  | 'signInDevice'
  | 'signInSession'
  | 'twoFactorAccount'
  | 'resetAccount'
  | 'resetIp'
  | 'verifyIp'
  | 'registerIp';
export type Attempt = readonly [scope: Scope, key: string];

/** One attempt held on every key of a `reserve` call. A wrong guess needs no call: the reservation is the count. */
export interface Reservation {
  /** The guess was right: per-account counters start again, per-address ones get this attempt back. */
  succeed(): Promise<void>;
  /** Not a guess after all (the password was right, the second factor is still to come): every counter gets it back. */
  release(): Promise<void>;
}

export interface Throttle {
  /**
   * Counts the attempt on every key *before* the guess is evaluated, so attempts in flight count and a
   * parallel burst cannot pass the check together. Refuses (429) when any key is past its limit (the refused
   * attempt is given back: it evaluates nothing), else waits the progressive delay the earlier attempts earned.
   */
  reserve(attempts: readonly Attempt[]): Promise<Reservation>;
  /** Stops the clean-up of ended windows. */
  close(): void;
}

export interface ThrottleDeps {
  db: Database;
  /** Injected so tests observe delays instead of waiting for them. */
  sleep: (ms: number) => Promise<void>;
}

const CLEAN_UP_EVERY_MS = 5 * 60_000;

/**
 * Fixed-window counters in the database (rate-limiter-flexible's PostgreSQL store, one atomic upsert per key),
 * so that every service instance on the same database enforces one limit.
 *
 * The library reads the wall clock (`Date.now`), not the service's injected clock: window ends follow real
 * time. Tests that need a window to end move `Date` (vitest's fake `Date`).
 */
export function createThrottle(config: ThrottleConfig, deps: ThrottleDeps): Throttle {
  const limits: Record<Scope, number> = {
    signInAccount: config.signInPerAccount,
    signInIp: config.signInPerIp,
    signInDevice: config.signInPerDevice,
    signInSession: config.signInPerSession,
    twoFactorAccount: config.twoFactorPerAccount,
    resetAccount: config.resetPerAccount,
    resetIp: config.resetPerIp,
    verifyIp: config.verifyPerIp,
    registerIp: config.registerPerIp,
  };
  // Only guessing earns a slowdown: counted flows that send mail or create things (reset, sign-up, device
  // registration) are capped but not delayed, so an office behind one address is not slowed for using them.
  const delayed = new Set<Scope>([
    'signInAccount',
    'signInIp',
    'signInDevice',
    'signInSession',
    'twoFactorAccount',
    'verifyIp',
  ]);
  const limiters = Object.fromEntries(
    (Object.keys(limits) as Scope[]).map((scope) => [
      scope,
      guessLimiter(deps.db, {
        keyPrefix: scope,
        points: limits[scope],
        durationSeconds: config.windowMs / 1000,
      }),
    ]),
  ) as Record<Scope, RateLimiterPostgres>;
  const keyOf = ([, subject]: Attempt) => guessLimitKey(subject);
  const giveBack = (attempts: readonly Attempt[]) =>
    Promise.all(attempts.map((a) => limiters[a[0]].reward(keyOf(a), 1)));

  const repository = guessLimitsRepository(deps.db);
  const cleanUp = setInterval(() => {
    // Not critical: a missed clean-up only leaves ended windows one more round.
    repository.deleteExpired(Date.now() - CLEAN_UP_EVERY_MS).catch(() => undefined);
  }, CLEAN_UP_EVERY_MS);
  cleanUp.unref();

  return {
    async reserve(attempts) {
      const results = await Promise.allSettled(attempts.map((a) => limiters[a[0]].consume(keyOf(a), 1)));
      const counted = attempts.filter((_, i) => {
        const result = results[i];
        return result?.status === 'fulfilled' || result?.reason instanceof RateLimiterRes;
      });
      const failure = results.find(
        (r): r is PromiseRejectedResult => r.status === 'rejected' && !(r.reason instanceof RateLimiterRes),
      );
      const refusals = results.flatMap((r) =>
        r.status === 'rejected' && r.reason instanceof RateLimiterRes ? [r.reason] : [],
      );
      if (failure !== undefined || refusals.length > 0) await giveBack(counted);
      if (failure !== undefined) throw failure.reason;
      if (refusals.length > 0) {
        const ms = Math.max(...refusals.map((r) => r.msBeforeNext));
        const retryAfterSeconds = Math.max(1, Math.ceil(ms / 1000));
        throw new ApiError(
          'tooManyRequests',
          `Too many attempts. Try again in ${retryAfterSeconds} seconds.`,
          {
            retryAfterSeconds,
          },
        );
      }
      // Attempts before this one, in flight or done, in the busiest delayed scope.
      let earlier = 0;
      attempts.forEach((attempt, i) => {
        const result = results[i];
        if (delayed.has(attempt[0]) && result?.status === 'fulfilled')
          earlier = Math.max(earlier, result.value.consumedPoints - 1);
      });
      const excess = earlier - config.freeFailures;
      if (excess > 0) await deps.sleep(Math.min(config.baseDelayMs * 2 ** (excess - 1), config.maxDelayMs));
      return {
        async succeed() {
          // One good account cannot launder an address: the address only gets this attempt back.
          await Promise.all(
            attempts.map((a) =>
              a[0].endsWith('Ip') ? limiters[a[0]].reward(keyOf(a), 1) : limiters[a[0]].delete(keyOf(a)),
            ),
          );
        },
        release: async () => void (await giveBack(attempts)),
      };
    },
    close: () => clearInterval(cleanUp),
  };
}
