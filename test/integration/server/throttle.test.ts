// The guessing limits on their own, on the test database (PGlite, or PostgreSQL with TEST_DATABASE_URL):
// counted before the guess is evaluated, atomically, and shared by every throttle on the same database.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultThrottle } from '../../../server/config';
import { migrate, type Database } from '../../../server/db';
import { createThrottle, type Attempt, type Throttle } from '../../../server/services/throttle';
import { testDatabase } from './database';

let db: Database;
const throttles: Throttle[] = [];
beforeAll(async () => {
  db = await testDatabase();
  // A PostgreSQL test schema starts empty (the PGlite template is already migrated: a no-op there).
  await migrate(db);
}, 60_000);
afterAll(async () => {
  for (const throttle of throttles) throttle.close();
  await db.close();
}, 30_000);
afterEach(() => void vi.useRealTimers());

let keys = 0;
const fresh = (label: string) => `${label}-${process.pid}-${++keys}`;
const throttleWith = (config = defaultThrottle, delays: number[] = []) => {
  const throttle = createThrottle(config, { db, sleep: async (ms) => void delays.push(ms) });
  throttles.push(throttle);
  return throttle;
};
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => 'passed',
    (error: { code?: string }) => error.code ?? 'error',
  );

describe('throttle', () => {
  it('delays after the free failures, doubling to the cap, then refuses until the window ends', async () => {
    const delays: number[] = [];
    const throttle = throttleWith(defaultThrottle, delays);
    const key: Attempt[] = [['signInAccount', fresh('a@example.com')]];
    for (let i = 0; i < defaultThrottle.signInPerAccount; i += 1) await throttle.reserve(key);
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 4000]);
    await expect(throttle.reserve(key)).rejects.toMatchObject({
      code: 'tooManyRequests',
      details: { retryAfterSeconds: 900 },
    });
    // The store reads the wall clock: move Date itself past the window.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + defaultThrottle.windowMs + 1000 });
    await expect(throttle.reserve(key)).resolves.toBeDefined();
  });

  it('a success clears the account count but only gives the address its attempt back', async () => {
    const throttle = throttleWith({ ...defaultThrottle, signInPerIp: 2 });
    const account: Attempt = ['signInAccount', fresh('a')];
    const address: Attempt = ['signInIp', fresh('198.51.100.1')];
    await throttle.reserve([account, address]);
    const right = await throttle.reserve([account, address]);
    await right.succeed();
    // The address keeps its earlier wrong guess: one attempt left, then refused.
    await throttle.reserve([address]);
    await expect(throttle.reserve([address])).rejects.toMatchObject({ code: 'tooManyRequests' });
    // The account starts again from nought: its full limit is available.
    for (let i = 0; i < defaultThrottle.signInPerAccount; i += 1) await throttle.reserve([account]);
    await expect(throttle.reserve([account])).rejects.toMatchObject({ code: 'tooManyRequests' });
  });

  it('release gives every counter its attempt back (a right password waiting for its second factor)', async () => {
    const throttle = throttleWith({ ...defaultThrottle, signInPerIp: 1 });
    const address: Attempt = ['signInIp', fresh('198.51.100.2')];
    for (let i = 0; i < 5; i += 1) await (await throttle.reserve([address])).release();
    await throttle.reserve([address]);
    await expect(throttle.reserve([address])).rejects.toMatchObject({ code: 'tooManyRequests' });
  });

  it('lets exactly the limit through a parallel burst, and gives refused attempts back', async () => {
    const throttle = throttleWith({ ...defaultThrottle, signInPerIp: 1 });
    const account: Attempt = ['signInAccount', fresh('burst')];
    const addresses = Array.from({ length: 40 }, (_, i): Attempt => ['signInIp', fresh(`203.0.113.${i}`)]);
    const burst = await Promise.all(
      addresses.map((address) => outcome(throttle.reserve([account, address]))),
    );
    expect(burst.filter((o) => o === 'passed')).toHaveLength(defaultThrottle.signInPerAccount);
    expect(burst.filter((o) => o === 'tooManyRequests')).toHaveLength(30);
    // Each address may try once: the ten that were evaluated have used their try, the thirty refused have not.
    const after = await Promise.all(addresses.map((address) => outcome(throttle.reserve([address]))));
    expect(after).toEqual(burst.map((o) => (o === 'passed' ? 'tooManyRequests' : 'passed')));
  });

  it('two throttles on one database (two service instances) enforce one limit', async () => {
    const one = throttleWith();
    const two = throttleWith();
    const account: Attempt = ['twoFactorAccount', fresh('shared')];
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => outcome((i % 2 === 0 ? one : two).reserve([account]))),
    );
    expect(outcomes.filter((o) => o === 'passed')).toHaveLength(defaultThrottle.twoFactorPerAccount);
    await expect(one.reserve([account])).rejects.toMatchObject({ code: 'tooManyRequests' });
    await expect(two.reserve([account])).rejects.toMatchObject({ code: 'tooManyRequests' });
  });

  it('stores neither emails nor addresses in clear', async () => {
    const throttle = throttleWith();
    const email = fresh('private@example.com');
    await throttle.reserve([
      ['signInAccount', email],
      ['signInIp', '192.0.2.77'],
    ]);
    const { rows } = await db.query<{ key: string }>('SELECT key FROM guess_limits');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.key.includes(email) || r.key.includes('192.0.2.77'))).toBe(false);
  });
});
