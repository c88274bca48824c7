import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentAccountResponse, sessionsResponse, signInResponse } from '../../../src/api/accounts';
import { apiErrorBody } from '../../../src/api/errors';
import { Client, newEmail, signedInUser, startServer, STRONG_PASSWORD, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
}, 60_000);
afterAll(() => server.close(), 30_000);

describe('sign-up', () => {
  it('lists every failed password rule with its own message', async () => {
    const client = new Client(server.url);
    const cases: [string, string[]][] = [
      ['short1A', ['minLength', 'weak']],
      ['alllowercase', ['digit', 'upperLatin', 'weak']],
      ['ALLUPPER123', ['lowerLatin']],
      ['QWERTY12345', ['lowerLatin', 'weak']],
      ['With Space 9x', ['noSpaces']],
      ['Password1', ['weak']],
      ['Qwerty123', ['weak']],
      ['пароль', ['minLength', 'digit', 'upperLatin', 'lowerLatin', 'weak']],
    ];
    for (const [password, rules] of cases) {
      const reply = await client.post('/api/v1/accounts', { email: newEmail(), password });
      expect(reply.status, password).toBe(400);
      expect(apiErrorBody.parse(reply.body).error.code).toBe('weakPassword');
      expect(reply.body.error.details.rules, password).toEqual(rules);
      expect(reply.body.error.details.messages).toHaveLength(rules.length);
      for (const m of reply.body.error.details.messages) expect(m.message.length).toBeGreaterThan(10);
    }
  });

  it('answers the same for a taken address and mails its owner instead (no enumeration)', async () => {
    const email = newEmail();
    const client = new Client(server.url);
    const first = await client.post('/api/v1/accounts', { email, password: STRONG_PASSWORD });
    const second = await client.post('/api/v1/accounts', {
      email: email.toUpperCase(),
      password: 'Other7Passw0rdX',
    });
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body).toEqual(first.body);
    const mails = await server.mailsTo(email);
    expect(mails.map((m) => m.subject)).toEqual([
      'Confirm your email for My Rampart',
      'You already have a Rampart account',
    ]);
  });

  it('verifies the email once with the mailed link; a reused or expired link is refused', async () => {
    const email = newEmail();
    const client = new Client(server.url);
    await client.post('/api/v1/accounts', { email, password: STRONG_PASSWORD });
    const refused = await client.post('/api/v1/sessions', { email, password: STRONG_PASSWORD });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('emailNotVerified');

    const token = await server.tokenFrom(email, 'verify-email');
    expect((await client.post('/api/v1/accounts/verify-email', { token })).body).toEqual({
      status: 'verified',
    });
    const again = await client.post('/api/v1/accounts/verify-email', { token });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('invalidToken');

    const late = newEmail();
    await client.post('/api/v1/accounts', { email: late, password: STRONG_PASSWORD });
    const lateToken = await server.tokenFrom(late, 'verify-email');
    server.clock.advance(24 * 3600_000 + 1000);
    try {
      const expired = await client.post('/api/v1/accounts/verify-email', { token: lateToken });
      expect(expired.status).toBe(400);
      expect(expired.body.error.code).toBe('invalidToken');
    } finally {
      server.clock.advance(-(24 * 3600_000 + 1000));
    }
    // A new link can be requested; the answer is the same for unknown addresses.
    expect((await client.post('/api/v1/accounts/resend-verification', { email: late })).status).toBe(202);
    expect(
      (await client.post('/api/v1/accounts/resend-verification', { email: newEmail('nobody') })).status,
    ).toBe(202);
    const fresh = await server.tokenFrom(late, 'verify-email');
    expect(fresh).not.toBe(lateToken);
    expect((await client.post('/api/v1/accounts/verify-email', { token: fresh })).status).toBe(200);
  });
});

describe('sign-in and sessions', () => {
  it('answers the same for an unknown email and a wrong password', async () => {
    const { email } = await signedInUser(server);
    const client = new Client(server.url);
    const wrongPassword = await client.post('/api/v1/sessions', { email, password: 'Wrong7Password' });
    const unknown = await client.post('/api/v1/sessions', {
      email: newEmail('ghost'),
      password: 'Wrong7Password',
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrongPassword.body);
    expect(wrongPassword.body.error.code).toBe('invalidCredentials');
  });

  it('sets an HttpOnly SameSite=Lax session cookie; "remember me" makes it last 30 days', async () => {
    const { email, password } = await signedInUser(server);
    const browserSession = await new Client(server.url).post('/api/v1/sessions', { email, password });
    const remembered = await new Client(server.url).post('/api/v1/sessions', {
      email,
      password,
      rememberMe: true,
    });
    expect(signInResponse.parse(browserSession.body).status).toBe('signedIn');
    const plain = browserSession.headers.getSetCookie()[0] ?? '';
    const long = remembered.headers.getSetCookie()[0] ?? '';
    expect(plain).toMatch(/^rampart_session=[A-Za-z0-9_-]{43};/);
    expect(plain).toMatch(/HttpOnly/);
    expect(plain).toMatch(/SameSite=Lax/);
    expect(plain).not.toMatch(/Expires=/);
    const expires = new Date(/Expires=([^;]+)/.exec(long)?.[1] ?? '');
    const days = (expires.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
  });

  it('shows the account, lists sessions, revokes one, and signs out', async () => {
    const { client, email, password } = await signedInUser(server);
    const me = await client.get('/api/v1/account');
    expect(currentAccountResponse.parse(me.body).account).toMatchObject({
      email,
      emailVerified: true,
      twoFactorEnabled: false,
    });

    const other = new Client(server.url, { 'user-agent': 'Other browser' });
    await other.post('/api/v1/sessions', { email, password });
    const list = sessionsResponse.parse((await client.get('/api/v1/sessions')).body).sessions;
    expect(list).toHaveLength(2);
    const otherSession = list.find((s) => !s.current);
    expect(otherSession?.userAgent).toBe('Other browser');

    expect((await client.delete(`/api/v1/sessions/${otherSession?.id}`)).status).toBe(204);
    expect((await other.get('/api/v1/account')).status).toBe(401);
    expect((await client.delete(`/api/v1/sessions/${otherSession?.id}`)).status).toBe(404);

    expect((await client.delete('/api/v1/sessions/current')).status).toBe(204);
    // The session cookie is gone; the device cookie stays (the browser signed in before, see abuse.test.ts).
    expect([...client.cookies.keys()]).toEqual(['rampart_device']);
    expect((await client.get('/api/v1/account')).body.error.code).toBe('unauthenticated');
  });

  it('refuses cookie-authenticated writes without the CSRF token or from another origin', async () => {
    const { client } = await signedInUser(server);
    const noToken = await client.post('/api/v1/link-codes', undefined, { 'x-rampart-csrf': '' });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('csrfFailed');
    const wrongToken = await client.post('/api/v1/link-codes', undefined, { 'x-rampart-csrf': 'forged' });
    expect(wrongToken.status).toBe(403);
    const foreign = await client.post('/api/v1/link-codes', undefined, { origin: 'https://evil.test' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.message).toMatch(/Cross-site/);
    const ours = await client.post('/api/v1/link-codes', undefined, { origin: 'http://portal.rampart.test' });
    expect(ours.status).toBe(201);
    // Reads need no token.
    expect((await client.get('/api/v1/sessions', { 'x-rampart-csrf': '' })).status).toBe(200);
  });

  it('expires a browser session after a day and a remembered one after 30 days', async () => {
    const { email, password } = await signedInUser(server);
    const short = new Client(server.url);
    await short.post('/api/v1/sessions', { email, password });
    const long = new Client(server.url);
    await long.post('/api/v1/sessions', { email, password, rememberMe: true });
    server.clock.advance(2 * 86_400_000);
    try {
      expect((await short.get('/api/v1/account')).status).toBe(401);
      expect((await long.get('/api/v1/account')).status).toBe(200);
    } finally {
      server.clock.advance(-2 * 86_400_000);
    }
  });
});

describe('passwords', () => {
  it('resets by a single-use link, with the same answer for unknown addresses; sessions end', async () => {
    const { client, email } = await signedInUser(server);
    const anonymous = new Client(server.url);
    const known = await anonymous.post('/api/v1/password-resets', { email });
    const unknown = await anonymous.post('/api/v1/password-resets', { email: newEmail('ghost') });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);

    const token = await server.tokenFrom(email, 'reset-password');
    const weak = await anonymous.post('/api/v1/password-resets/confirm', { token, password: 'password' });
    expect(weak.body.error.code).toBe('weakPassword');
    const newPassword = 'N3w-Str0ng-Passphrase';
    expect(
      (await anonymous.post('/api/v1/password-resets/confirm', { token, password: newPassword })).status,
    ).toBe(204);
    const reused = await anonymous.post('/api/v1/password-resets/confirm', {
      token,
      password: 'An0ther-Str0ng-One',
    });
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe('invalidToken');

    expect((await client.get('/api/v1/account')).status).toBe(401);
    expect((await anonymous.post('/api/v1/sessions', { email, password: STRONG_PASSWORD })).status).toBe(401);
    expect((await anonymous.post('/api/v1/sessions', { email, password: newPassword })).status).toBe(200);
  });

  it('refuses an expired reset link (1 hour)', async () => {
    const { email } = await signedInUser(server);
    const anonymous = new Client(server.url);
    await anonymous.post('/api/v1/password-resets', { email });
    const token = await server.tokenFrom(email, 'reset-password');
    server.clock.advance(3600_000 + 1000);
    try {
      const late = await anonymous.post('/api/v1/password-resets/confirm', {
        token,
        password: 'N3w-Str0ng-Passphrase',
      });
      expect(late.status).toBe(400);
      expect(late.body.error.code).toBe('invalidToken');
    } finally {
      server.clock.advance(-(3600_000 + 1000));
    }
  });

  it('changes the password and signs out the other sessions only', async () => {
    const { client, email, password } = await signedInUser(server);
    const other = new Client(server.url);
    await other.post('/api/v1/sessions', { email, password });
    const wrong = await client.post('/api/v1/account/password', {
      currentPassword: 'Nope7Nope7',
      newPassword: 'Ch4nged-Passphrase',
    });
    expect(wrong.body.error.code).toBe('invalidCredentials');
    const weak = await client.post('/api/v1/account/password', {
      currentPassword: password,
      newPassword: 'abc',
    });
    expect(weak.body.error.details.rules).toEqual(['minLength', 'digit', 'upperLatin', 'weak']);
    expect(
      (
        await client.post('/api/v1/account/password', {
          currentPassword: password,
          newPassword: 'Ch4nged-Passphrase',
        })
      ).status,
    ).toBe(204);
    expect((await client.get('/api/v1/account')).status).toBe(200);
    expect((await other.get('/api/v1/account')).status).toBe(401);
    expect((await server.mailsTo(email)).at(-1)?.subject).toBe('Your Rampart password was changed');
  });
});

describe('a new password ends the links mailed before it', () => {
  it('a reset link requested before a password change no longer works after it', async () => {
    const { client, email, password } = await signedInUser(server);
    const anonymous = new Client(server.url);
    expect((await anonymous.post('/api/v1/password-resets', { email })).status).toBe(202);
    const token = await server.tokenFrom(email, 'reset-password');
    const changed = await client.post('/api/v1/account/password', {
      currentPassword: password,
      newPassword: 'Ch4nged-Passphrase',
    });
    expect(changed.status).toBe(204);
    const late = await anonymous.post('/api/v1/password-resets/confirm', {
      token,
      password: 'Att4cker-Passphrase',
    });
    expect(late.status).toBe(400);
    expect(late.body.error.code).toBe('invalidToken');
    expect((await anonymous.post('/api/v1/sessions', { email, password: 'Ch4nged-Passphrase' })).status).toBe(
      200,
    );
  });

  it('a reset ends the verification link sent before it', async () => {
    const email = newEmail('unverified');
    const anonymous = new Client(server.url);
    expect((await anonymous.post('/api/v1/accounts', { email, password: STRONG_PASSWORD })).status).toBe(202);
    const verification = await server.tokenFrom(email, 'verify-email');
    expect((await anonymous.post('/api/v1/password-resets', { email })).status).toBe(202);
    const reset = await server.tokenFrom(email, 'reset-password');
    expect(
      (
        await anonymous.post('/api/v1/password-resets/confirm', {
          token: reset,
          password: 'N3w-Str0ng-Passphrase',
        })
      ).status,
    ).toBe(204);
    const late = await anonymous.post('/api/v1/accounts/verify-email', { token: verification });
    expect(late.status).toBe(400);
    expect(late.body.error.code).toBe('invalidToken');
  });
});

describe('dev outbox', () => {
  it('lists mails as HTML with clickable links', async () => {
    const email = newEmail('outbox');
    await new Client(server.url).post('/api/v1/accounts', { email, password: STRONG_PASSWORD });
    const page = await fetch(`${server.url}/dev/outbox`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain(email.replace('@', '@'));
    expect(html).toMatch(/<a href="http:\/\/portal\.rampart\.test\/verify-email\?token=[A-Za-z0-9_-]+">/);
  });
});
