import { describe, expect, it } from 'vitest';
import { backgroundWithAccountApi } from '../../fakes/accountBackground';

const PORTAL = 'http://127.0.0.1:8787';

const setup = backgroundWithAccountApi;

describe('the device and its account', () => {
  it('registers anonymously, stores gateways, tier and a proxy credential', async () => {
    const { background, platform, send } = await setup();
    expect(await background.account.sync()).toEqual({ ok: true, value: null });
    expect(await platform.local.get('tier')).toBe('anonymous');
    expect(await platform.local.get('gateways')).toHaveLength(1);
    const credential = (await platform.session.get('proxyCredential')) as {
      username: string;
      expiresAt: number;
      renewAt: number;
    };
    expect(credential.username).toMatch(/^00000000-/);
    expect(await send({ type: 'getAccount' })).toMatchObject({
      ok: true,
      value: { linked: false, tier: 'anonymous', usedTodayBytes: 1234 },
    });
    expect(
      await background.answerAuth({
        requestId: '1',
        isProxy: true,
        challenger: { host: 'gw.test', port: 8443 },
      }),
    ).toMatchObject({
      authCredentials: { username: credential.username },
    });
  });

  it('renews the credential at half-life with jitter, not before', async () => {
    const { background, platform, state } = await setup();
    await background.account.sync();
    const first = (await platform.session.get('proxyCredential')) as {
      password: string;
      renewAt: number;
      expiresAt: number;
    };
    const lifetime = 20 * 60_000;
    expect(first.renewAt - state.clock).toBeGreaterThanOrEqual(lifetime * 0.4);
    expect(first.renewAt - state.clock).toBeLessThanOrEqual(lifetime * 0.6);
    await background.account.sync();
    expect(((await platform.session.get('proxyCredential')) as { password: string }).password).toBe(
      first.password,
    );
    state.clock = first.renewAt + 1;
    expect(await background.account.sync()).toEqual({ ok: true, value: null });
    expect(((await platform.session.get('proxyCredential')) as { password: string }).password).not.toBe(
      first.password,
    );
  });

  it('spends each refresh token once, even when two callers need a new access token together', async () => {
    const { background, platform, api } = await setup();
    await background.account.sync();
    await platform.session.remove('deviceAccess');
    await Promise.all([background.account.sync(), background.account.sync(), background.account.sync()]);
    expect(api.db.refreshUses).toBe(1);
  });

  it('links with email, password and code, with a clear error at each step', async () => {
    const { send } = await setup();
    const wrong = await send({ type: 'signIn', email: 'ann@example.test', password: 'nope' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'invalidCredentials', messageKey: 'apiError_invalidCredentials' },
    });
    const needsCode = await send({ type: 'signIn', email: 'ann@example.test', password: 'Correct-horse-9' });
    expect(needsCode).toMatchObject({ ok: false, error: { code: 'twoFactorRequired' } });
    const linked = await send({
      type: 'signIn',
      email: 'ann@example.test',
      password: 'Correct-horse-9',
      code: '123456',
    });
    expect(linked).toMatchObject({
      ok: true,
      value: { linked: true, email: 'ann@example.test', tier: 'free' },
    });
  });

  it('an unlink made in the portal signs the extension out and stops routing', async () => {
    const { send, background, api, applied } = await setup();
    await send({ type: 'signIn', email: 'ann@example.test', password: 'Correct-horse-9', code: '123456' });
    await send({ type: 'setVpnEnabled', enabled: true });
    for (const device of api.db.devices.values()) device.accountId = null; // the portal's "Disconnect"
    await background.account.sync();
    expect(await send({ type: 'getStatus' })).toMatchObject({ ok: true, value: { state: 'loggedOut' } });
    expect(await send({ type: 'getAccount' })).toMatchObject({ ok: true, value: { linked: false } });
    expect(applied.at(-1)).toEqual({ mode: 'system' });
  });

  it('takes a link code only from the portal origin and with the state it opened the portal with', async () => {
    const { background, navigations } = await setup();
    await background.portal.open('link');
    const opened = new URL(navigations.at(-1)!.url);
    expect(opened.origin + opened.pathname).toBe(`${PORTAL}/link`);
    const state = opened.searchParams.get('state')!;
    const code = 'portal-link-code-0123456789';
    const fromElsewhere = await background.portal.handleExternal(
      { type: 'linkCode', code, state },
      { origin: 'https://evil.example' },
    );
    expect(fromElsewhere).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const wrongState = await background.portal.handleExternal(
      { type: 'linkCode', code, state: 'x'.repeat(32) },
      { origin: PORTAL },
    );
    expect(wrongState).toMatchObject({ ok: false, error: { code: 'badState' } });
    expect(
      await background.portal.handleExternal({ type: 'linkCode', code, state }, { origin: PORTAL }),
    ).toEqual({ ok: true, value: null });
    expect(await background.account.status()).toMatchObject({ linked: true, email: 'ann@example.test' });
  });

  it('offers "An account was found" when the portal says someone is signed in', async () => {
    const { background, send } = await setup();
    await background.portal.handleExternal(
      { type: 'accountAvailable', email: 'ann@example.test' },
      { origin: PORTAL },
    );
    expect(await send({ type: 'getAccount' })).toMatchObject({
      ok: true,
      value: { linked: false, accountFound: 'ann@example.test' },
    });
  });

  it('a service outage is an error reply and keeps the device', async () => {
    const { background, api, platform } = await setup();
    await background.account.sync();
    const device = await platform.local.get('device');
    api.db.online = false;
    await platform.session.remove('deviceAccess');
    expect(await background.account.sync()).toMatchObject({
      ok: false,
      error: { code: 'serviceUnreachable' },
    });
    expect(await platform.local.get('device')).toEqual(device);
  });
});

describe('the daily limit', () => {
  it('no credential because the day is used up: the state is limit, and it clears after the reset', async () => {
    const { background, api, send, state, platform } = await setup();
    await background.account.sync();
    await send({ type: 'setVpnEnabled', enabled: true });
    const original = api.handle;
    api.handle = (url, init) =>
      url.endsWith('/api/v1/vpn/credentials')
        ? { status: 429, body: { error: { code: 'dailyLimitReached', message: 'used up' } } }
        : original(url, init);
    await platform.session.remove('proxyCredential');
    await background.account.sync();
    const status = await send({ type: 'getStatus' });
    expect(status).toMatchObject({
      ok: true,
      value: { state: 'limit', resetAt: state.clock + 3_600_000 },
    });
    api.handle = original;
    state.clock += 3_600_001;
    await background.account.sync();
    expect(await send({ type: 'getStatus' })).toMatchObject({
      ok: true,
      value: { state: expect.stringMatching(/connecting|on|error/) },
    });
  });
});
