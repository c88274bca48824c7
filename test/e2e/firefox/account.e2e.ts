import { readFileSync } from 'node:fs';
import { TOTP } from 'otpauth';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../harness/browser';
import {
  firstDrawOf,
  POPUP_READY,
  published,
  showOptionsSection,
  waitForText,
} from '../harness/extensionPages';
import {
  launchFirefoxWithExtension,
  sendFromFirefoxPage,
  waitForHeading,
  type FirefoxExtension,
} from '../harness/firefox';
import { startTestStack, type TestStack } from '../harness/stack';
import { startWebServer, type TestWebServer } from '../harness/webServer';

const PASSWORD = 'Vr7kq9Lmz2Xw';
const HOSTS = ['through-gateway.test', 'linked-site.test'];

let web: TestWebServer;
let ext: FirefoxExtension | undefined;
let stack: TestStack | undefined;

beforeAll(async () => {
  web = await startWebServer();
});
afterAll(() => web.close());
afterEach(async () => {
  await ext?.close();
  await stack?.close();
  ext = undefined;
  stack = undefined;
});

/** Firefox pointed at the test stack; the gateway's certificate is self-signed, so any is accepted. */
async function launch(s: TestStack): Promise<{ e: FirefoxExtension; options: Page }> {
  const e = await launchFirefoxWithExtension({ hosts: HOSTS, acceptInsecureCerts: true });
  const options = await e.openPage('options/index.html');
  await options.waitForSelector('#kill-switch');
  await sendFromFirefoxPage(options, { type: 'useTestService', url: s.serviceUrl });
  await sendFromFirefoxPage(options, { type: 'getAccount' });
  return { e, options };
}

/** A verified account; with `twoFactor`, two-step verification on (its TOTP generator and recovery codes). */
async function createAccount(
  s: TestStack,
  email: string,
  twoFactor: boolean,
): Promise<{ totp: TOTP; recoveryCodes: string[] } | null> {
  const portal = s.client();
  expect((await portal.post('/api/v1/accounts', { email, password: PASSWORD })).status).toBe(202);
  const token = await s.mailedToken(email, 'verify-email');
  expect((await portal.post('/api/v1/accounts/verify-email', { token })).status).toBe(200);
  if (!twoFactor) return null;
  expect((await portal.post('/api/v1/sessions', { email, password: PASSWORD })).body.status).toBe('signedIn');
  const setup = await portal.post('/api/v1/account/two-factor/setup');
  const totp = new TOTP({ secret: setup.body.secret as string });
  const confirmed = await portal.post('/api/v1/account/two-factor/confirm', { code: totp.generate() });
  expect(confirmed.status).toBe(200);
  return { totp, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}

async function turnVpnOn(e: FirefoxExtension): Promise<Page> {
  const popup = await e.openPage('popup/index.html');
  await popup.waitForSelector(POPUP_READY);
  await popup.click('[data-testid="vpn-toggle"]');
  await waitForText(popup, '[data-testid="connection-state"]', 'VPN is on', 30_000);
  return popup;
}

/** The portal's own view of the account's devices. */
async function devicesOf(s: TestStack, email: string, recoveryCode?: string) {
  const portal = s.client();
  const signIn = await portal.post('/api/v1/sessions', { email, password: PASSWORD });
  if (recoveryCode !== undefined)
    await portal.post('/api/v1/sessions/two-factor', {
      pendingToken: signIn.body.pendingToken,
      recoveryCode,
    });
  return (await portal.get('/api/v1/account/devices')).body.devices as { name: string; platform: string }[];
}

describe('Firefox ESR with the real account service and TLS gateway', () => {
  it('options sign-in (password and code) links a Firefox device, and pages go through the real gateway', async () => {
    stack = await startTestStack();
    const email = 'fox-linker@example.com';
    const { totp, recoveryCodes } = (await createAccount(stack, email, true))!;
    const { e, options } = await launch(stack);
    ext = e;

    await options.evaluate(() => location.reload());
    await options.waitForSelector('#kill-switch');
    await showOptionsSection(options, 'account');
    await options.waitForSelector('#account-email-input');
    await options.type('#account-email-input', email);
    await options.type('#account-password', 'wrong-password-1A');
    await options.click('[data-testid="sign-in-form"] button[type="submit"]');
    await waitForText(options, '[data-testid="account-error"]', 'Wrong email or password.');
    await options.$eval('#account-password', (input) => ((input as HTMLInputElement).value = ''));
    await options.type('#account-password', PASSWORD);
    await options.click('[data-testid="sign-in-form"] button[type="submit"]');
    await options.waitForSelector('#account-code');
    await options.type('#account-code', totp.generate({ timestamp: Date.now() + 30_000 }));
    await options.click('[data-testid="sign-in-form"] button[type="submit"]');
    await waitForText(options, '[data-testid="account-email"]', `Signed in as ${email}`);

    const popup = await turnVpnOn(e);
    await waitForText(popup, '[data-testid="exit-address"]', 'Your address on the internet: 203.0.113.99');
    await waitForHeading(await e.visit(web.url('through-gateway.test')), 'Hello from through-gateway.test');
    // Firefox ESR speaks HTTP/2 to the gateway too.
    expect(await stack.gatewayConnections('h2')).toBeGreaterThan(0);
    expect(await stack.gatewayConnections('http/1.1')).toBe(0);
    expect(web.requestsTo('through-gateway.test').length).toBeGreaterThan(0);

    // The portal shows the device as a Firefox one.
    expect(await devicesOf(stack, email, recoveryCodes[0])).toEqual([
      expect.objectContaining({ name: 'Rampart on Firefox', platform: 'firefox' }),
    ]);
  });

  it('the portal hand-off through the relay: "An account was found — Connect" links the device', async () => {
    stack = await startTestStack();
    const email = 'fox-handoff@example.com';
    await createAccount(stack, email, false);
    const { e } = await launch(stack);
    ext = e;

    // Sign in to the portal in this browser (its cookie), then open a portal page: it tells the extension.
    const portal = await e.visit(`${stack.serviceUrl}/sign-in`);
    await waitFor(
      () => portal.evaluate(() => document.readyState === 'complete').catch(() => false),
      'the portal',
    );
    const signedIn = await portal.evaluate(
      async (body) =>
        (
          await fetch('/api/v1/sessions', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          })
        ).status,
      JSON.stringify({ email, password: PASSWORD }),
    );
    expect(signedIn).toBe(200);
    await e.visit(`${stack.serviceUrl}/`, portal);

    const account = await e.openPage('options/index.html#account');
    await waitFor(
      async () => {
        const reply = await sendFromFirefoxPage<{ value?: { accountFound?: string } }>(account, {
          type: 'getAccount',
        });
        return reply.value?.accountFound === email;
      },
      'the portal to tell the extension',
      20_000,
    );
    await account.evaluate(() => location.reload());
    await account.waitForSelector('[data-testid="account-found"]');
    expect(await account.$eval('[data-testid="account-found"]', (el) => el.textContent)).toContain(email);

    // Connect: the extension opens the portal with its state; the signed-in portal hands the code back.
    await account.click('[data-testid="account-found"] button');
    let handoff: Page | undefined;
    await waitFor(async () => {
      for (const page of await e.browser.pages())
        if (page.url().startsWith(`${stack!.serviceUrl}/link?`)) handoff = page;
      return handoff !== undefined;
    }, 'the /link tab');
    expect(new URL(handoff!.url()).searchParams.get('extensionId')).toBe(e.geckoId);
    await waitForText(handoff!, '[role="status"]', /now connected/i, 20_000);
    const after = await e.openPage('options/index.html#account');
    await waitForText(after, '[data-testid="account-email"]', `Signed in as ${email}`);
    expect(await devicesOf(stack, email)).toEqual([expect.objectContaining({ platform: 'firefox' })]);
  });

  it('the options page follows settings.language = ar: Arabic, right to left', async () => {
    const arabic = JSON.parse(readFileSync('extension/_locales/ar/messages.json', 'utf8')) as Record<
      string,
      { message: string }
    >;
    ext = await launchFirefoxWithExtension({ hosts: HOSTS });
    const first = await ext.openPage('options/index.html');
    await first.waitForSelector('#kill-switch');
    await sendFromFirefoxPage(first, { type: 'updateSettings', patch: { language: 'ar' } });
    await first.close();
    // The account section's heading, opened by its address as the popup's account button does.
    const options = await ext.openPage('options/index.html#account');
    await waitForText(options, '#account-heading', arabic.sectionAccount?.message ?? '');
    expect(
      await options.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
    ).toEqual(['ar', 'rtl']);

    // The popup's first frame reads in Arabic too, from the language published with its status.
    await waitFor(async () => (await published(options))?.language === 'ar', 'Arabic to be published');
    const popup = await ext.openPage('popup/index.html');
    expect(await firstDrawOf(popup)).toEqual({ state: 'off', published: true, language: 'ar' });
    await waitForText(popup, '[data-testid="connection-state"]', arabic.state_off?.message ?? '');
  });
});
