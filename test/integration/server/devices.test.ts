import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceStatusResponse, deviceTokens, linkCodeResponse } from '../../../src/api/devices';
import { activationCodeShape, subscriptionResponse } from '../../../src/api/subscriptions';
import { createSubscriptionsService } from '../../../server/services/subscriptions';
import { createThrottle } from '../../../server/services/throttle';
import { Client, registeredDevice, signedInUser, startServer, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
}, 60_000);
afterAll(() => server.close(), 30_000);

const newCodes = (count: number, days: number, devices: number) =>
  createSubscriptionsService({
    db: server.db,
    now: server.clock.now,
    limits: server.config.limits,
    throttle: createThrottle(server.config.throttle, { db: server.db, sleep: async () => {} }),
  }).createCodes(count, days, devices);

describe('device tokens', () => {
  it('registers anonymously on the free tier', async () => {
    const device = await registeredDevice(server);
    const status = deviceStatusResponse.parse(
      (await device.client.get('/api/v1/devices/me', device.auth)).body,
    );
    expect(status).toMatchObject({
      deviceId: device.deviceId,
      accountId: null,
      tier: 'anonymous',
      dailyLimitBytes: 200_000,
      usedTodayBytes: 0,
    });
    expect(status.resetsAt).toMatch(/T00:00:00\.000Z$/);
  });

  it('rotates the refresh token; presenting a spent one ends the whole chain', async () => {
    const device = await registeredDevice(server);
    const first = deviceTokens.parse(
      (await device.client.post('/api/v1/devices/token', { refreshToken: device.refreshToken })).body,
    );
    expect(first.deviceId).toBe(device.deviceId);
    expect(first.refreshToken).not.toBe(device.refreshToken);
    // The previous access token stops working once a new one is issued.
    expect((await device.client.get('/api/v1/devices/me', device.auth)).status).toBe(401);
    expect(
      (await device.client.get('/api/v1/devices/me', { authorization: `Bearer ${first.accessToken}` }))
        .status,
    ).toBe(200);

    const theft = await device.client.post('/api/v1/devices/token', { refreshToken: device.refreshToken });
    expect(theft.status).toBe(400);
    expect(theft.body.error.code).toBe('invalidToken');
    expect(theft.body.error.message).toMatch(/already used/);
    // The chain is over: the newest tokens are dead too.
    expect(
      (await device.client.get('/api/v1/devices/me', { authorization: `Bearer ${first.accessToken}` }))
        .status,
    ).toBe(401);
    expect(
      (await device.client.post('/api/v1/devices/token', { refreshToken: first.refreshToken })).status,
    ).toBe(400);
  });

  it('refuses unknown, missing and expired access tokens', async () => {
    const device = await registeredDevice(server);
    expect((await device.client.get('/api/v1/devices/me')).body.error.code).toBe('unauthenticated');
    expect((await device.client.get('/api/v1/devices/me', { authorization: 'Bearer nope' })).status).toBe(
      401,
    );
    expect(
      (await device.client.post('/api/v1/devices/token', { refreshToken: 'x'.repeat(43) })).body.error.code,
    ).toBe('invalidToken');
    server.clock.advance(15 * 60_000 + 1000);
    try {
      expect((await device.client.get('/api/v1/devices/me', device.auth)).status).toBe(401);
    } finally {
      server.clock.advance(-(15 * 60_000 + 1000));
    }
  });
});

describe('linking', () => {
  it('links with email and password, and unlinks from the device', async () => {
    const { email, password, accountId, client } = await signedInUser(server);
    const device = await registeredDevice(server);
    const wrong = await device.client.post(
      '/api/v1/devices/me/link',
      { email, password: 'Wrong7Passw0rd' },
      device.auth,
    );
    expect(wrong.body.error.code).toBe('invalidCredentials');
    const linked = await device.client.post('/api/v1/devices/me/link', { email, password }, device.auth);
    expect(linked.body).toEqual({ accountId, email, tier: 'free' });
    const status = (await device.client.get('/api/v1/devices/me', device.auth)).body;
    expect(status).toMatchObject({ accountId, tier: 'free', dailyLimitBytes: 300_000 });
    expect(
      (await client.get('/api/v1/account/devices')).body.devices.map((d: { id: string }) => d.id),
    ).toEqual([device.deviceId]);

    expect((await device.client.delete('/api/v1/devices/me/link', device.auth)).status).toBe(204);
    expect((await device.client.get('/api/v1/devices/me', device.auth)).body.tier).toBe('anonymous');
    expect((await device.client.delete('/api/v1/devices/me/link', device.auth)).body.error.code).toBe(
      'deviceNotLinked',
    );
    expect((await client.get('/api/v1/account/devices')).body.devices).toEqual([]);
  });

  it('links through a one-time code from a signed-in session (single use, 5 minutes)', async () => {
    const { client, accountId } = await signedInUser(server);
    const issued = linkCodeResponse.parse((await client.post('/api/v1/link-codes')).body);
    const device = await registeredDevice(server);
    const linked = await device.client.post(
      '/api/v1/devices/me/link-code',
      { code: issued.code },
      device.auth,
    );
    expect(linked.body.accountId).toBe(accountId);

    const another = await registeredDevice(server);
    const reused = await another.client.post(
      '/api/v1/devices/me/link-code',
      { code: issued.code },
      another.auth,
    );
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe('invalidToken');

    const late = linkCodeResponse.parse((await client.post('/api/v1/link-codes')).body);
    server.clock.advance(5 * 60_000 + 1000);
    try {
      const expired = await another.client.post(
        '/api/v1/devices/me/link-code',
        { code: late.code },
        another.auth,
      );
      expect(expired.body.error.code).toBe('invalidToken');
    } finally {
      server.clock.advance(-(5 * 60_000 + 1000));
    }
    expect((await new Client(server.url).post('/api/v1/link-codes')).status).toBe(401);
  });

  it('unlinks from the portal; another account cannot touch the device', async () => {
    const owner = await signedInUser(server);
    const stranger = await signedInUser(server);
    const device = await registeredDevice(server);
    await device.client.post(
      '/api/v1/devices/me/link',
      { email: owner.email, password: owner.password },
      device.auth,
    );
    const byStranger = await stranger.client.delete(`/api/v1/account/devices/${device.deviceId}`);
    expect(byStranger.status).toBe(404);
    const takeOver = await device.client.post(
      '/api/v1/devices/me/link',
      { email: stranger.email, password: stranger.password },
      device.auth,
    );
    expect(takeOver.body.error.code).toBe('deviceAlreadyLinked');
    expect((await owner.client.delete(`/api/v1/account/devices/${device.deviceId}`)).status).toBe(204);
    expect((await device.client.get('/api/v1/devices/me', device.auth)).body.accountId).toBeNull();
  });

  it('enforces the device limit with the deviceLimit code', async () => {
    const { email, password } = await signedInUser(server);
    for (let i = 0; i < 2; i += 1) {
      const device = await registeredDevice(server);
      expect(
        (await device.client.post('/api/v1/devices/me/link', { email, password }, device.auth)).status,
      ).toBe(200);
    }
    const third = await registeredDevice(server);
    const refused = await third.client.post('/api/v1/devices/me/link', { email, password }, third.auth);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('deviceLimit');
    expect(refused.body.error.message).toMatch(/2 of its 2 devices/);
  });
});

describe('subscriptions', () => {
  it('issues codes in the shape the portal and the options page show', async () => {
    const shape = new RegExp(`^${activationCodeShape.replaceAll('X', '[A-Z2-7]')}$`);
    expect(activationCodeShape).toBe('XXXX-XXXX-XXXX-XXXX-XXXX');
    for (const code of await newCodes(3, 30, 3)) expect(code).toMatch(shape);
  });

  it('activates a code from the portal: unlimited, more devices, days add up; a code works once', async () => {
    const { client, email, password } = await signedInUser(server);
    expect(subscriptionResponse.parse((await client.get('/api/v1/subscription')).body).subscription).toEqual({
      tier: 'free',
      expiresAt: null,
      deviceLimit: 2,
      devicesUsed: 0,
    });
    const [first, second] = await newCodes(2, 30, 5);
    const activated = subscriptionResponse.parse(
      (await client.post('/api/v1/subscription/activate', { code: first?.toLowerCase() })).body,
    );
    expect(activated.subscription).toMatchObject({ tier: 'unlimited', deviceLimit: 5 });
    const expiry = new Date(activated.subscription.expiresAt ?? 0).getTime();
    expect(Math.round((expiry - Date.now()) / 86_400_000)).toBe(30);

    const reused = await client.post('/api/v1/subscription/activate', { code: first });
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe('invalidActivationCode');
    const bogus = await client.post('/api/v1/subscription/activate', { code: 'AAAA-BBBB-CCCC-DDDD-EEEE' });
    expect(bogus.body.error.code).toBe('invalidActivationCode');

    const extended = (await client.post('/api/v1/subscription/activate', { code: second })).body.subscription;
    expect(Math.round((new Date(extended.expiresAt).getTime() - Date.now()) / 86_400_000)).toBe(60);

    const device = await registeredDevice(server);
    await device.client.post('/api/v1/devices/me/link', { email, password }, device.auth);
    expect((await device.client.get('/api/v1/devices/me', device.auth)).body).toMatchObject({
      tier: 'unlimited',
      dailyLimitBytes: null,
    });

    // After expiry the account is free again.
    server.clock.advance(61 * 86_400_000);
    try {
      expect((await client.post('/api/v1/sessions', { email, password })).status).toBe(200);
      expect((await client.get('/api/v1/subscription')).body.subscription.tier).toBe('free');
    } finally {
      server.clock.advance(-61 * 86_400_000);
    }
  });

  it('activates from a linked device, not from an anonymous one', async () => {
    const { email, password } = await signedInUser(server);
    const [code] = await newCodes(1, 7, 3);
    const device = await registeredDevice(server);
    const anonymous = await device.client.post('/api/v1/devices/me/activate', { code }, device.auth);
    expect(anonymous.body.error.code).toBe('deviceNotLinked');
    await device.client.post('/api/v1/devices/me/link', { email, password }, device.auth);
    const activated = await device.client.post('/api/v1/devices/me/activate', { code }, device.auth);
    expect(activated.body.subscription).toMatchObject({ tier: 'unlimited', deviceLimit: 3, devicesUsed: 1 });
  });
});
