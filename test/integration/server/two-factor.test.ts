import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twoFactorConfirmResponse, twoFactorSetupResponse } from '../../../src/api/accounts';
import { Client, registeredDevice, signedInUser, startServer, totpNow, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
}, 60_000);
afterAll(() => server.close(), 30_000);

/** A signed-in account with 2FA on: its secret and recovery codes. */
async function withTwoFactor() {
  const user = await signedInUser(server);
  const setup = twoFactorSetupResponse.parse(
    (await user.client.post('/api/v1/account/two-factor/setup')).body,
  );
  const confirmed = await user.client.post('/api/v1/account/two-factor/confirm', {
    code: totpNow(setup.secret, server),
  });
  expect(confirmed.status).toBe(200);
  const { recoveryCodes } = twoFactorConfirmResponse.parse(confirmed.body);
  return { ...user, secret: setup.secret, recoveryCodes };
}

describe('two-step verification', () => {
  it('sets up with an otpauth URI, needs a valid code, and shows 10 recovery codes once', async () => {
    const { client, email } = await signedInUser(server);
    const setup = await client.post('/api/v1/account/two-factor/setup');
    const { secret, otpauthUri } = twoFactorSetupResponse.parse(setup.body);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Rampart:/);
    expect(otpauthUri).toContain(encodeURIComponent(email));
    expect(otpauthUri).toContain(`secret=${secret}`);

    const wrong = await client.post('/api/v1/account/two-factor/confirm', { code: '000000' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalidTwoFactorCode');
    const ok = await client.post('/api/v1/account/two-factor/confirm', { code: totpNow(secret, server) });
    const codes = twoFactorConfirmResponse.parse(ok.body).recoveryCodes;
    expect(new Set(codes).size).toBe(10);
    expect((await client.get('/api/v1/account')).body.account.twoFactorEnabled).toBe(true);
    const again = await client.post('/api/v1/account/two-factor/setup');
    expect(again.body.error.code).toBe('twoFactorAlreadyEnabled');
  });

  it('signs in in two steps; a code cannot be replayed', async () => {
    const { email, password, secret } = await withTwoFactor();
    const browser = new Client(server.url);
    const first = await browser.post('/api/v1/sessions', { email, password, rememberMe: true });
    expect(first.body.status).toBe('twoFactorRequired');
    expect(browser.cookies.size).toBe(0);
    const wrong = await browser.post('/api/v1/sessions/two-factor', {
      pendingToken: first.body.pendingToken,
      code: '123456',
    });
    expect(wrong.body.error.code).toBe('invalidTwoFactorCode');

    // The code used to confirm setup is spent; the next time step's code works once.
    const code = totpNow(secret, server, 1);
    const second = await browser.post('/api/v1/sessions/two-factor', {
      pendingToken: first.body.pendingToken,
      code,
    });
    expect(second.status).toBe(200);
    expect(second.body.status).toBe('signedIn');
    expect(second.headers.getSetCookie()[0]).toMatch(/Expires=/);
    expect((await browser.get('/api/v1/account')).status).toBe(200);

    const replayBrowser = new Client(server.url);
    const pending = await replayBrowser.post('/api/v1/sessions', { email, password });
    const replay = await replayBrowser.post('/api/v1/sessions/two-factor', {
      pendingToken: pending.body.pendingToken,
      code,
    });
    expect(replay.body.error.code).toBe('invalidTwoFactorCode');
    // The pending token itself is single use too.
    const reuse = await browser.post('/api/v1/sessions/two-factor', {
      pendingToken: first.body.pendingToken,
      code: totpNow(secret, server, 2),
    });
    expect(reuse.body.error.code).toBe('invalidToken');
  });

  it('accepts each recovery code once, typed in any case', async () => {
    const { email, password, recoveryCodes } = await withTwoFactor();
    const recovery = recoveryCodes[0] ?? '';
    const browser = new Client(server.url);
    const first = await browser.post('/api/v1/sessions', { email, password });
    const used = await browser.post('/api/v1/sessions/two-factor', {
      pendingToken: first.body.pendingToken,
      recoveryCode: recovery.toLowerCase(),
    });
    expect(used.status).toBe(200);
    const again = await browser.post('/api/v1/sessions', { email, password });
    const reused = await browser.post('/api/v1/sessions/two-factor', {
      pendingToken: again.body.pendingToken,
      recoveryCode: recovery,
    });
    expect(reused.body.error.code).toBe('invalidTwoFactorCode');
  });

  it('lets a pending sign-in expire after 5 minutes and stops after 5 attempts', async () => {
    const { email, password, secret } = await withTwoFactor();
    const browser = new Client(server.url);
    const pending = (await browser.post('/api/v1/sessions', { email, password })).body.pendingToken;
    server.clock.advance(5 * 60_000 + 1000);
    try {
      const late = await browser.post('/api/v1/sessions/two-factor', {
        pendingToken: pending,
        code: totpNow(secret, server),
      });
      expect(late.body.error.code).toBe('invalidToken');
    } finally {
      server.clock.advance(-(5 * 60_000 + 1000));
    }
    const fresh = (await browser.post('/api/v1/sessions', { email, password })).body.pendingToken;
    for (let i = 0; i < 5; i += 1)
      await browser.post('/api/v1/sessions/two-factor', { pendingToken: fresh, code: '000000' });
    const sixth = await browser.post('/api/v1/sessions/two-factor', {
      pendingToken: fresh,
      code: totpNow(secret, server, 1),
    });
    expect(sixth.body.error.code).toBe('invalidToken');
  });

  it('requires the code to link a device with email and password', async () => {
    const { email, password, secret } = await withTwoFactor();
    const device = await registeredDevice(server);
    const without = await device.client.post('/api/v1/devices/me/link', { email, password }, device.auth);
    expect(without.status).toBe(401);
    expect(without.body.error.code).toBe('twoFactorRequired');
    const wrong = await device.client.post(
      '/api/v1/devices/me/link',
      { email, password, code: '000000' },
      device.auth,
    );
    expect(wrong.body.error.code).toBe('invalidTwoFactorCode');
    const linked = await device.client.post(
      '/api/v1/devices/me/link',
      { email, password, code: totpNow(secret, server, 1) },
      device.auth,
    );
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ email, tier: 'free' });
  });

  it('turns off with the password and a code', async () => {
    const { client, password, secret } = await withTwoFactor();
    const wrong = await client.post('/api/v1/account/two-factor/disable', {
      password: 'Wrong7Passw0rd',
      code: totpNow(secret, server, 1),
    });
    expect(wrong.body.error.code).toBe('invalidCredentials');
    expect(
      (
        await client.post('/api/v1/account/two-factor/disable', {
          password,
          code: totpNow(secret, server, 1),
        })
      ).status,
    ).toBe(204);
    expect((await client.get('/api/v1/account')).body.account.twoFactorEnabled).toBe(false);
  });
});
