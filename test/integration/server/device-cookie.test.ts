// A lock-out anyone could trigger: after 10 wrong guesses from strangers, the owner's right password also got
// 429. A browser that signed in before holds a signed device cookie and is counted per cookie instead of per
// account (OWASP "device cookies"); strangers stay throttled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultThrottle } from '../../../server/config';
import { Client, newEmail, signedInUser, startServer, type TestServer } from './helpers';

const config = { throttle: defaultThrottle, trustProxy: true, requestsPerMinutePerIp: 100_000 };
let server: TestServer;
beforeAll(async () => {
  server = await startServer({ config });
}, 60_000);
afterAll(() => server.close(), 30_000);

let lastAddress = 0;
const newAddress = () => ({ 'x-forwarded-for': `203.0.113.${++lastAddress}` });

/** A browser that signed in once at its own address, then signed out (its device cookie stays). */
async function ownersBrowser() {
  const email = newEmail('owner');
  const { client, password } = await signedInUser(server, email);
  expect(client.cookies.has('rampart_device')).toBe(true);
  expect((await client.delete('/api/v1/sessions/current')).status).toBe(204);
  const browser = new Client(server.url, newAddress());
  browser.cookies = new Map(client.cookies);
  browser.csrf = undefined;
  return { browser, email, password };
}

/** Ten wrong guesses from ten stranger addresses lock the account for everyone without its cookie. */
async function lockOut(email: string) {
  for (let i = 0; i < defaultThrottle.signInPerAccount; i += 1)
    expect(
      (
        await new Client(server.url, newAddress()).post('/api/v1/sessions', {
          email,
          password: `Wrong${i}Passw0rd`,
        })
      ).status,
    ).toBe(401);
}

describe('device cookie', () => {
  it('lets the owner sign in from a browser that signed in before while strangers are refused', async () => {
    const { browser, email, password } = await ownersBrowser();
    await lockOut(email);
    // A stranger with the right password (or the owner on a new browser) waits out the window.
    expect(
      (await new Client(server.url, newAddress()).post('/api/v1/sessions', { email, password })).status,
    ).toBe(429);
    const owner = await browser.post('/api/v1/sessions', { email, password });
    expect(owner.status).toBe(200);
    expect(owner.body.status).toBe('signedIn');
    // Signing in did not unlock the account for strangers.
    expect(
      (await new Client(server.url, newAddress()).post('/api/v1/sessions', { email, password })).status,
    ).toBe(429);
  });

  it('counts guesses with a cookie per cookie: 10 wrong, then that browser is throttled too', async () => {
    const { browser, email, password } = await ownersBrowser();
    const statuses: number[] = [];
    for (let i = 0; i < defaultThrottle.signInPerDevice + 1; i += 1)
      statuses.push(
        (await browser.post('/api/v1/sessions', { email, password: `Wrong${i}Passw0rd` })).status,
      );
    expect(statuses).toEqual([...Array<number>(10).fill(401), 429]);
    expect((await browser.post('/api/v1/sessions', { email, password })).status).toBe(429);
    // Those guesses were the cookie's, not the account's: another browser of the owner is not locked.
    expect(
      (await new Client(server.url, newAddress()).post('/api/v1/sessions', { email, password })).status,
    ).toBe(200);
  });

  it('exempts only the account it was issued for, only when its signature holds', async () => {
    const { browser, email, password } = await ownersBrowser();
    await lockOut(email);
    const forged = new Client(server.url, newAddress());
    const cookie = browser.cookies.get('rampart_device') ?? '';
    forged.cookies.set('rampart_device', `${cookie.slice(0, -3)}AAA`);
    expect((await forged.post('/api/v1/sessions', { email, password })).status).toBe(429);

    const other = await ownersBrowser();
    await lockOut(other.email);
    // The first owner's cookie does not open the second account.
    expect(
      (await browser.post('/api/v1/sessions', { email: other.email, password: other.password })).status,
    ).toBe(429);
  });

  it('still counts the address: a browser with a cookie at an exhausted address is refused', async () => {
    const { browser, email, password } = await ownersBrowser();
    const address = newAddress();
    for (let i = 0; i < defaultThrottle.signInPerIp; i += 1)
      await new Client(server.url, address).post('/api/v1/sessions', {
        email: newEmail('spray'),
        password: 'Wrong7Passw0rd',
      });
    const atThatAddress = new Client(server.url, address);
    atThatAddress.cookies = new Map(browser.cookies);
    expect((await atThatAddress.post('/api/v1/sessions', { email, password })).status).toBe(429);
  });

  it('is trusted by every instance on the same database', async () => {
    const second = await startServer({ config, db: server.db });
    try {
      const { browser, email, password } = await ownersBrowser();
      await lockOut(email);
      const atSecond = new Client(second.url, newAddress());
      atSecond.cookies = new Map(browser.cookies);
      expect((await atSecond.post('/api/v1/sessions', { email, password })).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});

describe('password guesses by a signed-in session', () => {
  it('the owner can change a password that strangers have locked; a session guessing is limited per session', async () => {
    const { client, email, password } = await signedInUser(server);
    await lockOut(email);
    const changed = await client.post('/api/v1/account/password', {
      currentPassword: password,
      newPassword: 'Ch4nged-Passphrase',
    });
    expect(changed.status).toBe(204);

    const statuses: number[] = [];
    for (let i = 0; i < defaultThrottle.signInPerSession + 1; i += 1)
      statuses.push(
        (
          await client.post('/api/v1/account/password', {
            currentPassword: `Wrong${i}Passw0rd`,
            newPassword: 'An0ther-Passphrase',
          })
        ).status,
      );
    expect(statuses).toEqual([...Array<number>(10).fill(401), 429]);
    const locked = await client.post('/api/v1/account/password', {
      currentPassword: 'Ch4nged-Passphrase',
      newPassword: 'An0ther-Passphrase',
    });
    expect(locked.status).toBe(429);
  });
});
