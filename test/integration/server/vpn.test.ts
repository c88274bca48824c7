import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_SECRET_HEADER } from '../../../src/api/proxyCredential';
import {
  gatewaysResponse,
  proxyCredentialResponse,
  usageReportResponse,
  usageTodayResponse,
} from '../../../src/api/vpn';
import { runCli } from '../../../server/cli/commands';
import { publicKeySetOf, verifyProxyCredential } from '../../../server/credentials';
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
beforeAll(async () => {
  server = await startServer();
}, 60_000);
afterAll(() => server.close(), 30_000);

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    server.config,
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    server.db,
  );
  return { code, out, err };
}

let batch = 0;
const report = (entries: { deviceId: string; bytes: number; day?: string }[], batchId = `batch-${++batch}`) =>
  new Client(server.url).post(
    routes.gatewayUsage.path,
    {
      batchId,
      gatewayId: 'gw-test',
      entries: entries.map((e) => ({
        deviceId: e.deviceId,
        accountId: null,
        day: e.day ?? server.clock.now().toISOString().slice(0, 10),
        uploadBytes: Math.floor(e.bytes / 2),
        downloadBytes: e.bytes - Math.floor(e.bytes / 2),
      })),
    },
    { [GATEWAY_SECRET_HEADER]: GATEWAY_SECRET },
  );

describe('CLI and gateways', () => {
  it('adds and lists gateways; the API lists them', async () => {
    const added = await cli(
      'gateways',
      'add',
      '--region',
      'eu',
      '--city',
      'Amsterdam',
      '--host',
      'ams1.rampart.test',
      '--port',
      '8443',
    );
    expect(added.code).toBe(0);
    expect(added.out[0]).toMatch(/eu\/Amsterdam {2}ams1\.rampart\.test:8443/);
    const listed = await cli('gateways', 'list');
    expect(listed.out.join('\n')).toContain('ams1.rampart.test:8443');
    const { gateways } = gatewaysResponse.parse((await new Client(server.url).get('/api/v1/gateways')).body);
    expect(gateways).toEqual([
      expect.objectContaining({
        region: 'eu',
        city: 'Amsterdam',
        host: 'ams1.rampart.test',
        port: 8443,
        load: 0,
      }),
    ]);
  });

  it('explains bad arguments and unknown commands', async () => {
    const bad = await cli(
      'gateways',
      'add',
      '--region',
      'eu',
      '--city',
      'X',
      '--host',
      'h',
      '--port',
      'ninety',
    );
    expect(bad.code).toBe(1);
    expect(bad.err.join('\n')).toMatch(/port/);
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('migrate')).out).toEqual(['Database is up to date.']);
  });

  it('creates activation codes and users', async () => {
    const codes = await cli('activation-codes', 'create', '--count', '3', '--days', '30', '--devices', '5');
    expect(codes.code).toBe(0);
    expect(codes.out).toHaveLength(3);
    for (const code of codes.out) expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/);
    const created = await cli(
      'users',
      'create',
      '--email',
      'Operator@Example.com',
      '--password',
      'Op3rator-Passphrase',
    );
    expect(created.out).toEqual(['Created operator@example.com.']);
    expect(
      (await cli('users', 'create', '--email', 'operator@example.com', '--password', 'Op3rator-Passphrase'))
        .code,
    ).toBe(1);
    expect(
      (await cli('users', 'create', '--email', 'weak@example.com', '--password', 'password')).err[0],
    ).toMatch(/^weakPassword/);
    // Operator-created accounts are verified and can redeem codes.
    const client = new Client(server.url);
    expect(
      (
        await client.post('/api/v1/sessions', {
          email: 'operator@example.com',
          password: 'Op3rator-Passphrase',
        })
      ).status,
    ).toBe(200);
    expect(
      (await client.post('/api/v1/subscription/activate', { code: codes.out[0] })).body.subscription.tier,
    ).toBe('unlimited');
  });
});

describe('proxy credentials', () => {
  it('issues a signed 20-minute credential a gateway verifies offline', async () => {
    const device = await registeredDevice(server);
    const reply = await device.client.post('/api/v1/vpn/credentials', undefined, device.auth);
    const issued = proxyCredentialResponse.parse(reply.body);
    expect(issued.username).toBe(device.deviceId);
    expect(issued.payload).toMatchObject({
      deviceId: device.deviceId,
      accountId: null,
      tier: 'anonymous',
      dailyLimitBytes: 200_000,
      usedBytesAtIssue: 0,
    });
    expect(issued.payload.expiresAt - issued.payload.issuedAt).toBe(20 * 60_000);
    const keys = publicKeySetOf(server.app.credentialKeys.publicKey);
    const verified = verifyProxyCredential(issued.credential, keys, Date.now());
    expect(verified).toEqual({ ok: true, value: issued.payload });
    expect(verifyProxyCredential(issued.credential, keys, Date.now() + 21 * 60_000).ok).toBe(false);
  });

  it('carries the account and tier of a linked device', async () => {
    const { email, password, accountId } = await signedInUser(server);
    const device = await registeredDevice(server);
    await device.client.post('/api/v1/devices/me/link', { email, password }, device.auth);
    const issued = (await device.client.post('/api/v1/vpn/credentials', undefined, device.auth)).body;
    expect(issued.payload).toMatchObject({ accountId, tier: 'free', dailyLimitBytes: 300_000 });
  });

  it('needs a device token', async () => {
    const reply = await new Client(server.url).post('/api/v1/vpn/credentials');
    expect(reply.status).toBe(401);
  });
});

describe('usage', () => {
  it('counts gateway reports once per batch id and refuses a wrong secret', async () => {
    const device = await registeredDevice(server);
    const first = await report([{ deviceId: device.deviceId, bytes: 1000 }], 'fixed-batch-id');
    expect(usageReportResponse.parse(first.body)).toEqual({ accepted: 1, duplicate: false, overLimit: [] });
    const retry = await report([{ deviceId: device.deviceId, bytes: 1000 }], 'fixed-batch-id');
    expect(retry.status).toBe(200);
    expect(retry.body.duplicate).toBe(true);
    const today = usageTodayResponse.parse(
      (await device.client.get('/api/v1/devices/me/usage', device.auth)).body,
    );
    expect(today).toMatchObject({ usedBytes: 1000, limitBytes: 200_000 });

    const forged = await new Client(server.url).post(
      routes.gatewayUsage.path,
      { batchId: 'x', gatewayId: 'g', entries: [] },
      { [GATEWAY_SECRET_HEADER]: 'wrong' },
    );
    expect(forged.status).toBe(401);
    const none = await new Client(server.url).post(routes.gatewayUsage.path, {
      batchId: 'x',
      gatewayId: 'g',
      entries: [],
    });
    expect(none.status).toBe(401);
  });

  it('skips unknown devices and impossible days instead of failing the batch', async () => {
    const device = await registeredDevice(server);
    const reply = await report([
      { deviceId: device.deviceId, bytes: 10 },
      { deviceId: device.deviceId, bytes: 5 },
      { deviceId: '00000000-0000-4000-8000-000000000000', bytes: 10 },
      { deviceId: 'not-a-uuid', bytes: 10 },
      { deviceId: device.deviceId, bytes: 10, day: '2026-02-30' },
    ]);
    expect(reply.body).toEqual({ accepted: 1, duplicate: false, overLimit: [] });
    expect((await device.client.get('/api/v1/devices/me/usage', device.auth)).body.usedBytes).toBe(15);
  });

  it('stops issuing credentials at the daily limit and starts again after midnight UTC', async () => {
    const device = await registeredDevice(server);
    const reply = await report([{ deviceId: device.deviceId, bytes: 200_000 }]);
    expect(reply.body.overLimit).toEqual([device.deviceId]);
    const refused = await device.client.post('/api/v1/vpn/credentials', undefined, device.auth);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('dailyLimitReached');
    expect(refused.body.error.details.resetsAt).toMatch(/T00:00:00\.000Z$/);

    const now = server.clock.now();
    const untilMidnight =
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime() + 1000;
    server.clock.advance(untilMidnight);
    try {
      const fresh = await device.client.post('/api/v1/devices/token', { refreshToken: device.refreshToken });
      const auth = { authorization: `Bearer ${fresh.body.accessToken}` };
      const next = await device.client.post('/api/v1/vpn/credentials', undefined, auth);
      expect(next.status).toBe(200);
      expect(next.body.payload.usedBytesAtIssue).toBe(0);
      expect((await device.client.get('/api/v1/devices/me/usage', auth)).body.usedBytes).toBe(0);
    } finally {
      server.clock.advance(-untilMidnight);
    }
  });

  it('never limits a subscription', async () => {
    const { email, password, client } = await signedInUser(server);
    const [code] = (await cli('activation-codes', 'create', '--count', '1', '--days', '30', '--devices', '2'))
      .out;
    await client.post('/api/v1/subscription/activate', { code });
    const device = await registeredDevice(server);
    await device.client.post('/api/v1/devices/me/link', { email, password }, device.auth);
    const reply = await report([{ deviceId: device.deviceId, bytes: 5_000_000 }]);
    expect(reply.body.overLimit).toEqual([]);
    const issued = await device.client.post('/api/v1/vpn/credentials', undefined, device.auth);
    expect(issued.body.payload).toMatchObject({
      tier: 'unlimited',
      dailyLimitBytes: null,
      usedBytesAtIssue: 5_000_000,
    });
    expect((await device.client.get('/api/v1/devices/me/usage', device.auth)).body).toMatchObject({
      usedBytes: 5_000_000,
      limitBytes: null,
    });
  });
});
