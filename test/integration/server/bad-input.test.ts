import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBody } from '../../../src/api/errors';
import { GATEWAY_SECRET_HEADER } from '../../../src/api/proxyCredential';
import {
  Client,
  GATEWAY_SECRET,
  registeredDevice,
  signedInUser,
  startServer,
  type TestServer,
} from './helpers';
import { routes } from '../../../src/api/routes';

let server: TestServer;
let session: Client;
let deviceAuth: Record<string, string>;
beforeAll(async () => {
  server = await startServer();
  session = (await signedInUser(server)).client;
  deviceAuth = (await registeredDevice(server)).auth;
}, 60_000);
afterAll(() => server.close(), 30_000);

/** Every JSON write endpoint, with the credentials it needs so that validation (not auth) answers. */
const endpoints = (): [string, string, () => Client, Record<string, string>][] => [
  ['POST', '/api/v1/accounts', () => new Client(server.url), {}],
  ['POST', '/api/v1/accounts/verify-email', () => new Client(server.url), {}],
  ['POST', '/api/v1/accounts/resend-verification', () => new Client(server.url), {}],
  ['POST', '/api/v1/sessions', () => new Client(server.url), {}],
  ['POST', '/api/v1/sessions/two-factor', () => new Client(server.url), {}],
  ['POST', '/api/v1/password-resets', () => new Client(server.url), {}],
  ['POST', '/api/v1/password-resets/confirm', () => new Client(server.url), {}],
  ['POST', '/api/v1/account/password', () => session, {}],
  ['POST', '/api/v1/account/two-factor/confirm', () => session, {}],
  ['POST', '/api/v1/account/two-factor/disable', () => session, {}],
  ['POST', '/api/v1/subscription/activate', () => session, {}],
  ['POST', '/api/v1/devices/token', () => new Client(server.url), {}],
  ['POST', '/api/v1/devices/me/link', () => new Client(server.url), deviceAuth],
  ['POST', '/api/v1/devices/me/link-code', () => new Client(server.url), deviceAuth],
  ['POST', '/api/v1/devices/me/activate', () => new Client(server.url), deviceAuth],
  [
    'POST',
    routes.gatewayUsage.path,
    () => new Client(server.url),
    { [GATEWAY_SECRET_HEADER]: GATEWAY_SECRET },
  ],
];

const expectClientError = (reply: { status: number; body: unknown }, status: number, code: string) => {
  expect(reply.status).toBe(status);
  const body = apiErrorBody.parse(reply.body);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
};

describe('bad input never reaches a 500', () => {
  it('malformed JSON → 400 malformedJson', async () => {
    for (const [method, path, client, headers] of endpoints()) {
      const reply = await client().request(method, path, '{"email": "a@', headers);
      expectClientError(reply, 400, 'malformedJson');
    }
  });

  it('empty body, missing fields, wrong types, unknown fields → 400 invalidRequest naming the field', async () => {
    for (const [method, path, client, headers] of endpoints()) {
      const missing = await client().request(method, path, {}, headers);
      expectClientError(missing, 400, 'invalidRequest');
      const wrongTypes = await client().request(
        method,
        path,
        { email: 42, password: [], token: {}, code: true, refreshToken: 1, batchId: null },
        headers,
      );
      expectClientError(wrongTypes, 400, 'invalidRequest');
      const array = await client().request(method, path, [1, 2], headers);
      expectClientError(array, 400, 'invalidRequest');
      const nothing = await client().request(method, path, undefined, headers);
      expect(nothing.status, `${path} without body`).toBe(400);
    }
    const reply = await new Client(server.url).post('/api/v1/sessions', { email: 'a@example.com' });
    expect(reply.body.error.message).toBe('password: Required');
    const extra = await new Client(server.url).post('/api/v1/sessions', {
      email: 'a@example.com',
      password: 'x',
      admin: true,
    });
    expect(extra.body.error.message).toMatch(/admin/);
    const badEmail = await new Client(server.url).post('/api/v1/accounts', {
      email: 'not-an-email',
      password: 'x',
    });
    expect(badEmail.body.error.details.issues[0].path).toBe('email');
  });

  it('oversize bodies → 413 payloadTooLarge', async () => {
    const big = JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(70 * 1024) });
    for (const [method, path, client, headers] of endpoints()) {
      expectClientError(await client().request(method, path, big, headers), 413, 'payloadTooLarge');
    }
  });

  it('long but in-limit passwords are refused by rule, not by crashing the hasher', async () => {
    const reply = await new Client(server.url).post('/api/v1/accounts', {
      email: 'long@example.com',
      password: 'Aa1'.repeat(300),
    });
    expectClientError(reply, 400, 'weakPassword');
    expect(reply.body.error.details.rules).toEqual(['maxLength']);
  });

  it('other media types, prototype poisoning, bad path parameters and unknown routes → 4xx', async () => {
    const text = await new Client(server.url).post('/api/v1/sessions', 'email=a', {
      'content-type': 'text/plain',
    });
    expectClientError(text, 415, 'unsupportedMediaType');
    const proto = await new Client(server.url).post(
      '/api/v1/sessions',
      '{"__proto__": {"admin": true}, "email": "a@example.com", "password": "x"}',
    );
    expect(proto.status).toBe(400);
    expectClientError(await session.delete('/api/v1/sessions/not-a-uuid'), 400, 'invalidRequest');
    expectClientError(await session.delete('/api/v1/account/devices/123'), 400, 'invalidRequest');
    expectClientError(await new Client(server.url).get('/api/v1/nothing-here'), 404, 'notFound');
    expectClientError(await new Client(server.url).get('/dev/outbox?limit=abc'), 400, 'invalidRequest');
  });

  it('expired, reused and forged tokens → 4xx with a clear message', async () => {
    const client = new Client(server.url);
    expectClientError(
      await client.post('/api/v1/accounts/verify-email', { token: 'A'.repeat(43) }),
      400,
      'invalidToken',
    );
    expectClientError(
      await client.post('/api/v1/password-resets/confirm', {
        token: 'A'.repeat(43),
        password: 'N3w-Str0ng-Passphrase',
      }),
      400,
      'invalidToken',
    );
    expectClientError(
      await client.post('/api/v1/sessions/two-factor', { pendingToken: 'A'.repeat(43), code: '123456' }),
      400,
      'invalidToken',
    );
    expectClientError(
      await client.post('/api/v1/devices/token', { refreshToken: 'A'.repeat(43) }),
      400,
      'invalidToken',
    );
    expectClientError(
      await client.get('/api/v1/account', { cookie: 'rampart_session=forged' }),
      401,
      'unauthenticated',
    );
    expectClientError(
      await client.get('/api/v1/devices/me', { authorization: 'Bearer ' + 'A'.repeat(43) }),
      401,
      'unauthenticated',
    );
    expectClientError(
      await client.post('/api/v1/accounts/verify-email', { token: 'has spaces and !' }),
      400,
      'invalidRequest',
    );
  });
});
