// Answers that carry secrets must not be kept by a browser cache, a shared proxy or the back-forward cache:
// every route below answers `Cache-Control: no-store`, on success and on refusal alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  registeredDevice,
  signedInUser,
  startServer,
  totpNow,
  type Reply,
  type TestServer,
} from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
}, 60_000);
afterAll(() => server.close(), 30_000);

/** Each secret-carrying route, called the way its client calls it; the secret it carries in the comment. */
const routes: [name: string, call: () => Promise<Reply>][] = [
  // session CSRF token (or a pending two-step token)
  [
    'POST /api/v1/sessions',
    async () => {
      const { email, password } = await signedInUser(server);
      return new Client(server.url).post('/api/v1/sessions', { email, password });
    },
  ],
  // a session after the second step
  [
    'POST /api/v1/sessions/two-factor',
    async () => {
      const { client, email, password } = await signedInUser(server);
      const { secret } = (await client.post('/api/v1/account/two-factor/setup')).body;
      await client.post('/api/v1/account/two-factor/confirm', { code: totpNow(secret, server) });
      const pending = (await new Client(server.url).post('/api/v1/sessions', { email, password })).body;
      return new Client(server.url).post('/api/v1/sessions/two-factor', {
        pendingToken: pending.pendingToken,
        code: totpNow(secret, server, 1),
      });
    },
  ],
  // the CSRF token
  ['GET /api/v1/account', async () => (await signedInUser(server)).client.get('/api/v1/account')],
  // the TOTP secret
  [
    'POST /api/v1/account/two-factor/setup',
    async () => (await signedInUser(server)).client.post('/api/v1/account/two-factor/setup'),
  ],
  // the recovery codes
  [
    'POST /api/v1/account/two-factor/confirm',
    async () => {
      const { client } = await signedInUser(server);
      const { secret } = (await client.post('/api/v1/account/two-factor/setup')).body;
      return client.post('/api/v1/account/two-factor/confirm', { code: totpNow(secret, server) });
    },
  ],
  // a one-time link code
  ['POST /api/v1/link-codes', async () => (await signedInUser(server)).client.post('/api/v1/link-codes')],
  // device tokens
  ['POST /api/v1/devices', async () => new Client(server.url).post('/api/v1/devices', {})],
  [
    'POST /api/v1/devices/token',
    async () => {
      const device = await registeredDevice(server);
      return device.client.post('/api/v1/devices/token', { refreshToken: device.refreshToken });
    },
  ],
  // a proxy credential
  [
    'POST /api/v1/vpn/credentials',
    async () => {
      const device = await registeredDevice(server);
      return device.client.post('/api/v1/vpn/credentials', undefined, device.auth);
    },
  ],
];

describe('Cache-Control: no-store on answers that carry secrets', () => {
  it.each(routes)('%s', async (_name, call) => {
    const reply = await call();
    // A real answer with its secret, not a refusal.
    expect(reply.status, JSON.stringify(reply.body)).toBeGreaterThanOrEqual(200);
    expect(reply.status).toBeLessThan(300);
    expect(reply.headers.get('cache-control')).toBe('no-store');
  });

  it('a refused sign-in carries it too', async () => {
    const reply = await new Client(server.url).post('/api/v1/sessions', {
      email: 'nobody@example.com',
      password: 'Wrong7Passw0rd',
    });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('cache-control')).toBe('no-store');
  });

  it('public answers without secrets stay cacheable by their own rules', async () => {
    const reply = await new Client(server.url).get('/api/v1/gateways');
    expect(reply.headers.get('cache-control')).not.toBe('no-store');
  });
});
