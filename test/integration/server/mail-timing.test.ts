// Password reset and resending the verification link answer the same for a real and an unknown address,
// and take the same time: the token and the mail are made by the mail worker, after the answer. Measured as
// interleaved pairs (real, unknown; then unknown, real) and judged with a sign test, which needs no
// assumption about how the times are spread and shrugs off the outliers of a loaded machine.
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersRepository } from '../../../server/db';
import { newEmail, startServer, type TestServer } from './helpers';

const PAIRS = 100;
// Fail only on a difference this unlikely by chance: the check must not be flaky on a busy 2-core machine.
const SIGNIFICANCE = 0.001;

// The measuring client runs on its own thread, as a remote client would: in the test's thread its reading of
// the answer would wait for whatever the server's thread does next (the mail worker's in-memory database
// work), which is the test's own artefact, not something a client elsewhere could see.
const CLIENT = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', async ({ url, body }) => {
  const start = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await response.arrayBuffer();
  parentPort.postMessage({ status: response.status, ms: performance.now() - start });
});`;

let server: TestServer;
let client: Worker;
beforeAll(async () => {
  server = await startServer();
  client = new Worker(CLIENT, { eval: true });
}, 60_000);
afterAll(async () => {
  await client.terminate();
  await server.close();
}, 30_000);

const post = (path: string, email: string) =>
  new Promise<{ status: number; ms: number }>((resolve) => {
    client.once('message', resolve);
    client.postMessage({ url: `${server.url}${path}`, body: JSON.stringify({ email }) });
  });

/** Two-sided sign test: the chance of a split at least this uneven when either side is equally likely. */
export function signTestPValue(wins: number, trials: number): number {
  const extreme = Math.max(wins, trials - wins);
  let tail = 0;
  let coefficient = 1; // C(trials, 0)
  for (let k = 0; k <= trials; k++) {
    if (k > 0) coefficient = (coefficient * (trials - k + 1)) / k;
    if (k >= extreme) tail += coefficient / 2 ** trials;
  }
  return Math.min(1, 2 * tail);
}

/** Accounts made straight in the database: fast, and each used once so no per-address limit is reached. */
async function accounts(count: number, verified: boolean): Promise<string[]> {
  const users = usersRepository(server.db);
  const emails = Array.from({ length: count }, () => newEmail('timing'));
  for (const email of emails)
    await users.insert({ id: randomUUID(), email, passwordHash: 'unused', now: new Date(), verified });
  return emails;
}

const settle = () => server.app.mailQueue.drain();

async function timed(path: string, email: string): Promise<number> {
  const reply = await post(path, email);
  expect(reply.status).toBe(202);
  // The worker's delivery is not part of the answer; let it finish before the next measurement.
  await settle();
  return reply.ms;
}

async function comparePairs(path: string, known: string[]) {
  for (let i = 0; i < 5; i++) await timed(path, newEmail('warm-up')); // JIT and prepared statements
  let knownSlower = 0;
  const differences: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const unknown = newEmail('ghost');
    const real = known[i]!;
    let realMs: number;
    let unknownMs: number;
    if (i % 2 === 0) {
      realMs = await timed(path, real);
      unknownMs = await timed(path, unknown);
    } else {
      unknownMs = await timed(path, unknown);
      realMs = await timed(path, real);
    }
    if (realMs > unknownMs) knownSlower++;
    differences.push(realMs - unknownMs);
  }
  differences.sort((a, b) => a - b);
  const median = differences[Math.floor(PAIRS / 2)]!;
  return { knownSlower, pValue: signTestPValue(knownSlower, PAIRS), medianDifferenceMs: median };
}

describe('no timing difference between real and unknown addresses', () => {
  it('the sign test itself: even splits are likely, lopsided ones are not', () => {
    expect(signTestPValue(30, 60)).toBe(1);
    expect(signTestPValue(56, 60)).toBeLessThan(1e-10);
    expect(signTestPValue(4, 60)).toBeLessThan(1e-10);
    expect(signTestPValue(38, 60)).toBeGreaterThan(0.05);
    expect(signTestPValue(46, 60)).toBeLessThan(SIGNIFICANCE);
  });

  it('password reset: a real address is not slower than an unknown one', async () => {
    const result = await comparePairs('/api/v1/password-resets', await accounts(PAIRS, true));
    console.info(`password reset timing: ${JSON.stringify(result)}`);
    expect(result.pValue, JSON.stringify(result)).toBeGreaterThan(SIGNIFICANCE);
  }, 120_000);

  it('resending verification: an unverified real address is not slower than an unknown one', async () => {
    const result = await comparePairs('/api/v1/accounts/resend-verification', await accounts(PAIRS, false));
    console.info(`resend verification timing: ${JSON.stringify(result)}`);
    expect(result.pValue, JSON.stringify(result)).toBeGreaterThan(SIGNIFICANCE);
  }, 120_000);
});
