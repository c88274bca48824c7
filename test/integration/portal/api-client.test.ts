// The portal's API client (portal/api.ts) against the real service: every answer it reads parses with its
// src/api contract, writes carry the CSRF token, and error answers become what the pages show.
import { TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordRuleMessages } from '../../../src/api/password-rules';
import { api, ApiFailure, onSessionLost } from '../../../portal/api';
import { newEmail, startServer, STRONG_PASSWORD, type TestServer } from '../server/helpers';

let server: TestServer;
const jar = new Map<string, string>();
const realFetch = globalThis.fetch;

// The page's fetch, outside a browser: same-origin paths resolve against the service, cookies are kept.
async function pageFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const url = typeof input === 'string' && input.startsWith('/') ? `${server.url}${input}` : input;
  const headers = new Headers(init.headers);
  if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
  const response = await realFetch(url, { ...init, headers });
  for (const line of response.headers.getSetCookie()) {
    const [name, value = ''] = (line.split(';')[0] ?? '').split('=');
    if (name === undefined) continue;
    if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
  return response;
}

beforeAll(async () => {
  server = await startServer();
  globalThis.fetch = pageFetch as typeof fetch;
}, 60_000);
afterAll(async () => {
  globalThis.fetch = realFetch;
  await server.close();
}, 30_000);

const failureOf = async (promise: Promise<unknown>): Promise<ApiFailure> => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ApiFailure)) throw new Error(`expected an ApiFailure, got ${String(error)}`);
  return error;
};

describe('the portal API client', () => {
  const email = newEmail('client');

  it('lists each rule a refused password breaks, and the server message otherwise', async () => {
    const weak = await failureOf(api.signUp(email, 'Password1'));
    expect(weak.code).toBe('weakPassword');
    expect(weak.rules).toEqual([passwordRuleMessages.weak]);
    const several = await failureOf(api.signUp(email, 'short'));
    expect(several.rules).toEqual([
      passwordRuleMessages.minLength,
      passwordRuleMessages.digit,
      passwordRuleMessages.upperLatin,
      passwordRuleMessages.weak,
    ]);
    const invalid = await failureOf(api.signUp('not-an-email', STRONG_PASSWORD));
    expect(invalid.code).toBe('invalidRequest');
    expect(invalid.message).toMatch(/^email: /);
  });

  it('signs up, verifies, signs in, and reports a lost session', async () => {
    expect(await api.currentAccount()).toBeNull();
    expect(await api.signUp(email, STRONG_PASSWORD)).toEqual({ status: 'verificationSent' });
    expect((await failureOf(api.signIn(email, STRONG_PASSWORD, false))).code).toBe('emailNotVerified');
    expect(await api.verifyEmail(await server.tokenFrom(email, 'verify-email'))).toEqual({
      status: 'verified',
    });
    const signedIn = await api.signIn(email, STRONG_PASSWORD, true);
    expect(signedIn.status).toBe('signedIn');
    expect((await api.currentAccount())?.email).toBe(email);
    expect(await api.sessions()).toEqual([expect.objectContaining({ current: true, persistent: true })]);

    let lost = 0;
    const stop = onSessionLost(() => (lost += 1));
    const cookies = new Map(jar);
    jar.clear();
    expect((await failureOf(api.devices())).code).toBe('unauthenticated');
    expect(lost).toBe(1);
    stop();
    for (const [k, v] of cookies) jar.set(k, v);
  });

  it('writes with the CSRF token: subscription, password, 2FA on and off, link codes, sign-out', async () => {
    expect(await api.subscription()).toMatchObject({ tier: 'free', devicesUsed: 0 });
    const [code] = await server.app.context.subscriptions.createCodes(1, 30, 5);
    expect(await api.activate(code ?? '')).toMatchObject({ tier: 'unlimited', deviceLimit: 5 });
    expect((await failureOf(api.activate('AAAA-BBBB-CCCC-DDDD'))).code).toBe('invalidActivationCode');

    const newPassword = 'Tq4wz8Npx3Lr';
    await api.changePassword(STRONG_PASSWORD, newPassword);
    expect((await failureOf(api.changePassword('Wrong1Password', STRONG_PASSWORD))).code).toBe(
      'invalidCredentials',
    );

    const setup = await api.twoFactorSetup();
    const totp = new TOTP({ secret: setup.secret });
    expect(setup.otpauthUri).toContain('otpauth://totp/');
    const recovery = await api.twoFactorConfirm(totp.generate({ timestamp: server.clock.now().getTime() }));
    expect(recovery).toHaveLength(10);
    expect((await api.currentAccount())?.twoFactorEnabled).toBe(true);
    await api.twoFactorDisable(
      newPassword,
      totp.generate({ timestamp: server.clock.now().getTime() + 30_000 }),
    );
    expect((await api.currentAccount())?.twoFactorEnabled).toBe(false);

    expect((await api.linkCode()).code.length).toBeGreaterThanOrEqual(16);
    expect(await api.devices()).toEqual([]);
    await api.signOut();
    expect(await api.currentAccount()).toBeNull();
  });

  it('answers a reset request the same whether the account exists or not', async () => {
    expect(await api.requestPasswordReset(email)).toEqual({ status: 'resetEmailSent' });
    expect(await api.requestPasswordReset(newEmail('nobody'))).toEqual({ status: 'resetEmailSent' });
    await api.confirmPasswordReset(await server.tokenFrom(email, 'reset-password'), 'Hm6yt2Kcv9Qs');
    expect((await api.signIn(email, 'Hm6yt2Kcv9Qs', false)).status).toBe('signedIn');
  });
});
