import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultThrottle } from '../../../server/config';
import {
  Client,
  newEmail,
  signedInUser,
  startServer,
  STRONG_PASSWORD,
  totpNow,
  type TestServer,
} from './helpers';

// Production throttle settings; a trusted proxy header lets each test speak from its own address.
let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    config: { throttle: defaultThrottle, trustProxy: true, requestsPerMinutePerIp: 200 },
  });
}, 60_000);
afterAll(() => server.close(), 30_000);

let lastIp = 0;
const fromNewIp = () => ({ 'x-forwarded-for': `198.51.100.${++lastIp}` });
const WINDOW = defaultThrottle.windowMs;

describe('sign-in throttling', () => {
  it('slows down progressively per account, then refuses with Retry-After; the right password waits too', async () => {
    const { email, password } = await signedInUser(server, newEmail(), STRONG_PASSWORD);
    server.delays.length = 0;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      // A different address each time: the per-account limit holds against a distributed guesser.
      const reply = await new Client(server.url, fromNewIp()).post('/api/v1/sessions', {
        email,
        password: `Wrong${i}Passw0rd`,
      });
      statuses.push(reply.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 429, 429]);
    expect(server.delays).toEqual([250, 500, 1000, 2000, 4000, 4000]);

    const locked = await new Client(server.url, fromNewIp()).post('/api/v1/sessions', { email, password });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('tooManyRequests');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Unknown accounts are throttled the same way, so a 429 reveals nothing.
    const ghost = newEmail('ghost');
    const ghostStatuses: number[] = [];
    for (let i = 0; i < 11; i += 1)
      ghostStatuses.push(
        (
          await new Client(server.url, fromNewIp()).post('/api/v1/sessions', {
            email: ghost,
            password: 'Wrong7Passw0rd',
          })
        ).status,
      );
    expect(ghostStatuses.at(-1)).toBe(429);

    // The counters live in the database and follow the wall clock: move Date itself past the window.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + WINDOW + 1000 });
    try {
      expect(
        (await new Client(server.url, fromNewIp()).post('/api/v1/sessions', { email, password })).status,
      ).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it('limits one address guessing across many accounts', async () => {
    const ip = fromNewIp();
    const statuses: number[] = [];
    for (let i = 0; i < defaultThrottle.signInPerIp + 1; i += 1) {
      statuses.push(
        (
          await new Client(server.url, ip).post('/api/v1/sessions', {
            email: newEmail('spray'),
            password: 'Wrong7Passw0rd',
          })
        ).status,
      );
    }
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('throttles the second step per account', async () => {
    const { client, email, password } = await signedInUser(server);
    const setup = (await client.post('/api/v1/account/two-factor/setup')).body;
    await client.post('/api/v1/account/two-factor/confirm', { code: totpNow(setup.secret, server) });
    const statuses: number[] = [];
    // Each pending token allows 5 tries; the account's limit spans tokens.
    for (let round = 0; round < 3; round += 1) {
      const pending = (
        await new Client(server.url, fromNewIp()).post('/api/v1/sessions', { email, password })
      ).body.pendingToken;
      for (let i = 0; i < 4; i += 1) {
        statuses.push(
          (
            await new Client(server.url, fromNewIp()).post('/api/v1/sessions/two-factor', {
              pendingToken: pending,
              code: '000000',
            })
          ).status,
        );
      }
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

describe('mail-sending flows', () => {
  it('limits reset mails per account (3 per window) without revealing whether it exists', async () => {
    const { email } = await signedInUser(server);
    const ghost = newEmail('ghost');
    for (const address of [email, ghost]) {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1)
        statuses.push(
          (await new Client(server.url, fromNewIp()).post('/api/v1/password-resets', { email: address }))
            .status,
        );
      expect(statuses).toEqual([202, 202, 202, 429]);
    }
    expect((await server.mailsTo(email)).filter((m) => m.subject.startsWith('Reset'))).toHaveLength(3);
  });

  it('limits verification attempts and sign-ups per address', async () => {
    const ip = fromNewIp();
    const statuses: number[] = [];
    for (let i = 0; i < defaultThrottle.verifyPerIp + 1; i += 1) {
      statuses.push(
        (
          await new Client(server.url, ip).post('/api/v1/accounts/verify-email', {
            token: `guess${i}`.padEnd(43, 'x'),
          })
        ).status,
      );
    }
    expect(statuses.at(-2)).toBe(400);
    expect(statuses.at(-1)).toBe(429);

    const registrations: number[] = [];
    const other = fromNewIp();
    const delaysBefore = server.delays.length;
    for (let i = 0; i < defaultThrottle.registerPerIp + 1; i += 1)
      registrations.push((await new Client(server.url, other).post('/api/v1/devices', {})).status);
    expect(registrations.at(-2)).toBe(201);
    expect(registrations.at(-1)).toBe(429);
    // Capped, never slowed: registering is not guessing.
    expect(server.delays.length).toBe(delaysBefore);
  });
});

describe('flood guard', () => {
  it('answers 429 in the API error shape past the per-minute request budget', async () => {
    const ip = fromNewIp();
    let last = 0;
    for (let i = 0; i < 201; i += 1) last = (await new Client(server.url, ip).get('/api/v1/gateways')).status;
    expect(last).toBe(429);
    const reply = await new Client(server.url, ip).get('/api/v1/gateways');
    expect(reply.body.error.code).toBe('tooManyRequests');
  });

  it('grants an address one budget across two instances on one database', async () => {
    const second = await startServer({
      config: { throttle: defaultThrottle, trustProxy: true, requestsPerMinutePerIp: 200 },
      db: server.db,
    });
    try {
      const ip = fromNewIp();
      const statuses = await Promise.all(
        Array.from({ length: 240 }, (_, i) =>
          new Client(i % 2 === 0 ? server.url : second.url, ip).get('/api/v1/gateways').then((r) => r.status),
        ),
      );
      // One limit of 200, not 200 on each: the counts live in the database both instances share.
      expect(statuses.filter((status) => status === 200).length).toBe(200);
      expect(statuses.filter((status) => status === 429).length).toBe(40);
      expect((await new Client(second.url, ip).get('/api/v1/gateways')).status).toBe(429);
      // Another address still has its whole budget.
      expect((await new Client(second.url, fromNewIp()).get('/api/v1/gateways')).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
