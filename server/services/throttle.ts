import { ApiError } from '../errors';

export interface ThrottleConfig {
  windowMs: number;
  signInPerAccount: number;
  signInPerIp: number;
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
  'signInAccount' | 'signInIp' | 'twoFactorAccount' | 'resetAccount' | 'resetIp' | 'verifyIp' | 'registerIp';
export type Attempt = readonly [scope: Scope, key: string];

export interface Throttle {
  /** Refuses (429) when any key is over its limit, else waits the progressive delay its failures earned. */
  guard(attempts: readonly Attempt[]): Promise<void>;
  /** Counts a failure (or, for mail-sending flows, any attempt). */
  fail(attempts: readonly Attempt[]): void;
  /** A success clears the account's count (not the IP's, so one good account cannot launder an IP). */
  succeed(attempts: readonly Attempt[]): void;
}

export interface ThrottleDeps {
  now: () => Date;
  /** Injected so tests observe delays instead of waiting for them. */
  sleep: (ms: number) => Promise<void>;
}

/**
 * Fixed-window counters in memory, per process. Enough for one service instance; several instances would
 * share them through the database or Redis (not needed yet).
 */
export function createThrottle(config: ThrottleConfig, deps: ThrottleDeps): Throttle {
  const limits: Record<Scope, number> = {
    signInAccount: config.signInPerAccount,
    signInIp: config.signInPerIp,
    twoFactorAccount: config.twoFactorPerAccount,
    resetAccount: config.resetPerAccount,
    resetIp: config.resetPerIp,
    verifyIp: config.verifyPerIp,
    registerIp: config.registerPerIp,
  };
  // Only guessing earns a slowdown: counted flows that send mail or create things (reset, sign-up, device
  // registration) are capped but not delayed, so an office behind one address is not slowed for using them.
  const delayed = new Set<Scope>(['signInAccount', 'signInIp', 'twoFactorAccount', 'verifyIp']);
  const counters = new Map<string, { count: number; windowEnds: number }>();
  const id = ([scope, key]: Attempt) => `${scope}\u0000${key}`;

  const current = (attempt: Attempt, now: number) => {
    const counter = counters.get(id(attempt));
    if (counter === undefined || counter.windowEnds <= now) return undefined;
    return counter;
  };

  const sweep = (now: number) => {
    // Bounded memory under a flood of distinct keys: drop expired windows once the map grows.
    if (counters.size < 10_000) return;
    for (const [key, counter] of counters) if (counter.windowEnds <= now) counters.delete(key);
  };

  return {
    async guard(attempts) {
      const now = deps.now().getTime();
      let worst = 0;
      for (const attempt of attempts) {
        const counter = current(attempt, now);
        if (counter === undefined) continue;
        if (counter.count >= limits[attempt[0]]) {
          const retryAfterSeconds = Math.max(1, Math.ceil((counter.windowEnds - now) / 1000));
          throw new ApiError(
            'tooManyRequests',
            `Too many attempts. Try again in ${retryAfterSeconds} seconds.`,
            { retryAfterSeconds },
          );
        }
        if (delayed.has(attempt[0])) worst = Math.max(worst, counter.count);
      }
      const excess = worst - config.freeFailures;
      if (excess > 0) await deps.sleep(Math.min(config.baseDelayMs * 2 ** (excess - 1), config.maxDelayMs));
    },
    fail(attempts) {
      const now = deps.now().getTime();
      sweep(now);
      for (const attempt of attempts) {
        const counter = current(attempt, now);
        if (counter === undefined) counters.set(id(attempt), { count: 1, windowEnds: now + config.windowMs });
        else counter.count += 1;
      }
    },
    succeed(attempts) {
      for (const attempt of attempts) if (!attempt[0].endsWith('Ip')) counters.delete(id(attempt));
    },
  };
}
