// Parallel bursts of guesses, as the outside test sent them: at most the limit may reach Argon2 or the
// two-step check, and the right answer after the burst is refused while the account is locked. The hasher and
// the two-step service are wrapped to count the guesses that reach them (no timing involved). With
// TEST_DATABASE_URL the same runs on PostgreSQL (`npm run test:postgres`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultThrottle } from '../../../server/config';
import { createPasswordHasher, testArgon2, type PasswordHasher } from '../../../server/security/passwords';
import type { TwoFactorService } from '../../../server/services/two-factor';
import {
  Client,
  newEmail,
  signedInUser,
  startServer,
  STRONG_PASSWORD,
  totpNow,
  type TestServer,
} from './helpers';

/** Counts every password check (real or dummy) that reaches Argon2. */
const countingHasher = () => {
  const real = createPasswordHasher(testArgon2);
  const counter = { checks: 0 };
  const hasher: PasswordHasher = {
    hash: (password) => real.hash(password),
    verify: (hash, password) => {
      counter.checks += 1;
      return real.verify(hash, password);
    },
    verifyDummy: (password) => {
      counter.checks += 1;
      return real.verifyDummy(password);
    },
  };
  return { hasher, counter };
};

const passwords = countingHasher();
const codes = { checks: 0 };
const countingTwoFactor = (real: TwoFactorService): TwoFactorService => ({
  ...real,
  verify: (user, factor) => {
    codes.checks += 1;
    return real.verify(user, factor);
  },
});

// Production limits; a trusted proxy header lets each request speak from its own address.
const config = { throttle: defaultThrottle, trustProxy: true, requestsPerMinutePerIp: 100_000 };
let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    config,
    overrides: { hasher: passwords.hasher, twoFactor: countingTwoFactor },
  });
}, 60_000);
afterAll(() => server.close(), 30_000);

let lastAddress = 0;
const newAddress = () => {
  lastAddress += 1;
  return `198.51.${Math.floor(lastAddress / 250)}.${(lastAddress % 250) + 1}`;
};
const from = (address: string) => ({ 'x-forwarded-for': address });
const tally = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((t, s) => ({ ...t, [s]: (t[s] ?? 0) + 1 }), {});

/** An anonymous device registered from its own address (registration is capped per address). */
async function newDevice() {
  const client = new Client(server.url, from(newAddress()));
  const reply = await client.post('/api/v1/devices', {});
  expect(reply.status).toBe(201);
  return { client, auth: { authorization: `Bearer ${reply.body.accessToken as string}` } };
}

/** What reached the check while `burst` ran. */
async function checksDuring<T>(counter: { checks: number }, burst: () => Promise<T>) {
  const before = counter.checks;
  const result = await burst();
  return { result, checks: counter.checks - before };
}

describe('parallel guessing bursts', () => {
  it('40 wrong sign-ins in parallel from 40 addresses: 10 reach Argon2, then the right password is refused', async () => {
    const { email, password } = await signedInUser(server);
    const { result, checks } = await checksDuring(passwords.counter, () =>
      Promise.all(
        Array.from({ length: 40 }, async (_, i) => {
          const client = new Client(server.url, from(newAddress()));
          return (await client.post('/api/v1/sessions', { email, password: `Wrong${i}Passw0rd` })).status;
        }),
      ),
    );
    expect(checks).toBe(defaultThrottle.signInPerAccount);
    expect(tally(result)).toEqual({ 401: 10, 429: 30 });
    const right = await new Client(server.url, from(newAddress())).post('/api/v1/sessions', {
      email,
      password,
    });
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('tooManyRequests');
  });

  it('80 sign-ins in parallel from one address over many accounts: 50 reach Argon2, then that address is refused', async () => {
    const { email, password } = await signedInUser(server);
    const address = newAddress();
    const { result, checks } = await checksDuring(passwords.counter, () =>
      Promise.all(
        Array.from({ length: 80 }, async () => {
          const client = new Client(server.url, from(address));
          return (
            await client.post('/api/v1/sessions', { email: newEmail('spray'), password: 'Wrong7Passw0rd' })
          ).status;
        }),
      ),
    );
    expect(checks).toBe(defaultThrottle.signInPerIp);
    expect(tally(result)).toEqual({ 401: 50, 429: 30 });
    expect(
      (await new Client(server.url, from(address)).post('/api/v1/sessions', { email, password })).status,
    ).toBe(429);
    // The account itself was never guessed: from elsewhere its owner signs in.
    expect(
      (await new Client(server.url, from(newAddress())).post('/api/v1/sessions', { email, password })).status,
    ).toBe(200);
  });

  it('40 two-step codes in parallel over 8 pending sign-ins: 10 reach the check, then the right code is refused', async () => {
    const { client, email, password } = await signedInUser(server);
    const setup = (await client.post('/api/v1/account/two-factor/setup')).body;
    const confirmed = await client.post('/api/v1/account/two-factor/confirm', {
      code: totpNow(setup.secret, server),
    });
    expect(confirmed.status).toBe(200);
    const pendingSignIn = async () => {
      const reply = await new Client(server.url, from(newAddress())).post('/api/v1/sessions', {
        email,
        password,
      });
      expect(reply.body.status).toBe('twoFactorRequired');
      return reply.body.pendingToken as string;
    };
    // A right password waiting for its code is not a wrong guess: 8 in a row do not lock the password step.
    const pending = await Promise.all(Array.from({ length: 8 }, pendingSignIn));
    const { result, checks } = await checksDuring(codes, () =>
      Promise.all(
        Array.from({ length: 40 }, async (_, i) => {
          const guesser = new Client(server.url, from(newAddress()));
          const code = String(100_000 + i);
          return (await guesser.post('/api/v1/sessions/two-factor', { pendingToken: pending[i % 8], code }))
            .status;
        }),
      ),
    );
    expect(checks).toBe(defaultThrottle.twoFactorPerAccount);
    expect(tally(result)).toEqual({ 401: 10, 429: 30 });
    const fresh = await pendingSignIn();
    const right = await new Client(server.url, from(newAddress())).post('/api/v1/sessions/two-factor', {
      pendingToken: fresh,
      code: totpNow(setup.secret, server, 1),
    });
    expect(right.status).toBe(429);
  });

  it('40 device links by password in parallel: 10 reach Argon2, then the right password is refused', async () => {
    const { email, password } = await signedInUser(server);
    const devices = await Promise.all(Array.from({ length: 40 }, newDevice));
    const { result, checks } = await checksDuring(passwords.counter, () =>
      Promise.all(
        devices.map(async (device, i) => {
          const reply = await device.client.post(
            '/api/v1/devices/me/link',
            { email, password: `Wrong${i}Passw0rd` },
            { ...device.auth, ...from(newAddress()) },
          );
          return reply.status;
        }),
      ),
    );
    expect(checks).toBe(defaultThrottle.signInPerAccount);
    expect(tally(result)).toEqual({ 401: 10, 429: 30 });
    const device = await newDevice();
    const right = await device.client.post(
      '/api/v1/devices/me/link',
      { email, password },
      { ...device.auth, ...from(newAddress()) },
    );
    expect(right.status).toBe(429);
  });
});

describe('two service instances on one database', () => {
  it('enforce one limit under a burst spread over both', async () => {
    const second = await startServer({
      config,
      db: server.db,
      overrides: { hasher: passwords.hasher, twoFactor: countingTwoFactor },
    });
    try {
      const { email, password } = await signedInUser(server, newEmail('shared'), STRONG_PASSWORD);
      const instances = [server.url, second.url];
      const { result, checks } = await checksDuring(passwords.counter, () =>
        Promise.all(
          Array.from({ length: 40 }, async (_, i) => {
            const client = new Client(instances[i % 2] ?? server.url, from(newAddress()));
            return (await client.post('/api/v1/sessions', { email, password: `Wrong${i}Passw0rd` })).status;
          }),
        ),
      );
      expect(checks).toBe(defaultThrottle.signInPerAccount);
      expect(tally(result)).toEqual({ 401: 10, 429: 30 });
      for (const url of instances)
        expect(
          (await new Client(url, from(newAddress())).post('/api/v1/sessions', { email, password })).status,
        ).toBe(429);
    } finally {
      await second.close();
    }
  });
});
