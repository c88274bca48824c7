import { TOTP } from 'otpauth';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signedInPortal, TEST_PASSWORD } from './harness/accounts';
import { launchWithExtension, waitFor, type ExtensionBrowser } from './harness/browser';
import { openPopup, sendFromPage, showOptionsSection, waitForText } from './harness/extensionPages';
import { startTestStack, type TestStack } from './harness/stack';
import { startWebServer, type TestWebServer } from './harness/webServer';

const PASSWORD = TEST_PASSWORD;

let web: TestWebServer;
let ext: ExtensionBrowser | undefined;
let stack: TestStack | undefined;

beforeAll(async () => {
  // A page big enough to matter for the traffic meter.
  web = await startWebServer(
    (host) => `<!doctype html><title>${host}</title><h1>Hello from ${host}</h1><!--${'x'.repeat(120_000)}-->`,
  );
});
afterAll(() => web.close());
afterEach(async () => {
  await ext?.close();
  await stack?.close();
  ext = undefined;
  stack = undefined;
});

/** Starts the browser pointed at the test stack; the options page is where the service address is set. */
async function launch(s: TestStack): Promise<{ e: ExtensionBrowser; options: Page }> {
  const e = await launchWithExtension({
    args: [...s.chromeFlags, '--host-resolver-rules=MAP *.test 127.0.0.1'],
  });
  const options = await e.openPage('options/index.html');
  await options.waitForSelector('#kill-switch');
  await sendFromPage(options, { type: 'useTestService', url: s.serviceUrl });
  await sendFromPage(options, { type: 'getAccount' });
  return { e, options };
}

/** A verified account with two-step verification on; returns the TOTP generator. */
async function createAccount(s: TestStack, email: string): Promise<{ totp: TOTP; recoveryCodes: string[] }> {
  const portal = s.client();
  expect((await portal.post('/api/v1/accounts', { email, password: PASSWORD })).status).toBe(202);
  expect(
    (
      await portal.post('/api/v1/accounts/verify-email', {
        token: await s.mailedToken(email, 'verify-email'),
      })
    ).status,
  ).toBe(200);
  expect((await portal.post('/api/v1/sessions', { email, password: PASSWORD })).body.status).toBe('signedIn');
  const setup = await portal.post('/api/v1/account/two-factor/setup');
  const totp = new TOTP({ secret: setup.body.secret as string });
  const confirmed = await portal.post('/api/v1/account/two-factor/confirm', { code: totp.generate() });
  expect(confirmed.status).toBe(200);
  return { totp, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}

async function turnVpnOn(e: ExtensionBrowser): Promise<Page> {
  const popup = await openPopup(e);
  await popup.click('[data-testid="vpn-toggle"]');
  await waitForText(popup, '[data-testid="connection-state"]', 'VPN is on', 30_000);
  return popup;
}

async function visit(e: ExtensionBrowser, url: string): Promise<string | null> {
  const page = await e.browser.newPage();
  await page.goto(url).catch(() => null);
  return page.$eval('h1', (h) => h.textContent).catch(() => null);
}

describe('the extension with the real account service and gateway', () => {
  it('an anonymous device turns the VPN on and a page loads through the real gateway', async () => {
    stack = await startTestStack();
    const { e } = await launch(stack);
    ext = e;
    const popup = await turnVpnOn(e);
    await waitForText(popup, '[data-testid="exit-address"]', 'Your address on the internet: 203.0.113.99');
    // The one region line: where traffic goes out ("local" is no country, so the city alone).
    await waitForText(popup, '[data-testid="location-place"]', 'Loopback');
    expect(await visit(e, web.url('through-gateway.test'))).toBe('Hello from through-gateway.test');
    expect(web.requestsTo('through-gateway.test').length).toBeGreaterThan(0);
    // Chromium speaks HTTP/2 to the gateway: its tunnels are streams of one connection, not one handshake each.
    expect(await stack.gatewayConnections('h2')).toBeGreaterThan(0);
    expect(await stack.gatewayConnections('http/1.1')).toBe(0);
    // The traffic shows in the popup once the gateway has reported it.
    await waitFor(
      async () => {
        const reopened = await openPopup(e);
        const text = await reopened
          .$eval('[data-testid="popup-traffic"]', (el) => el.textContent ?? '')
          .catch(() => '');
        return /VPN traffic today: (1\d\d|[2-9]\d\d) kB of 200 MB/.test(text);
      },
      'the traffic meter',
      30_000,
    );
  });

  it('links with email, password and code; a disconnect in the portal signs the extension out and stops routing', async () => {
    stack = await startTestStack();
    const email = 'linker@example.com';
    const { totp, recoveryCodes } = await createAccount(stack, email);
    const { e, options } = await launch(stack);
    ext = e;

    await options.reload();
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
    // A code is good once: the one set-up consumed is refused, so use the next step's (the service allows ±1).
    await options.type('#account-code', totp.generate({ timestamp: Date.now() + 30_000 }));
    await options.click('[data-testid="sign-in-form"] button[type="submit"]');
    await waitForText(options, '[data-testid="account-email"]', `Signed in as ${email}`);

    await turnVpnOn(e);
    expect(await visit(e, web.url('linked-site.test'))).toBe('Hello from linked-site.test');

    // The portal lists the device and disconnects it.
    const portal = stack.client();
    await portal.post('/api/v1/sessions', { email, password: PASSWORD }).then(async (r) => {
      await portal.post('/api/v1/sessions/two-factor', {
        pendingToken: r.body.pendingToken,
        recoveryCode: recoveryCodes[0],
      });
    });
    const devices = (await portal.get('/api/v1/account/devices')).body.devices as { id: string }[];
    expect(devices).toHaveLength(1);
    expect((await portal.delete(`/api/v1/account/devices/${devices[0]!.id}`)).status).toBe(204);

    // Within a minute (the sync alarm), with no page open, the extension is signed out and stops routing.
    const worker = await e.serviceWorker();
    await waitFor(
      async () =>
        (
          (await worker!.evaluate(() => chrome.storage.session.get('connection')))['connection'] as
            { state?: string } | undefined
        )?.state === 'loggedOut',
      'the signed-out state',
      75_000,
    );
    const popup = await openPopup(e);
    await waitForText(popup, '[data-testid="connection-state"]', 'Signed out');
    await popup.waitForSelector('[data-testid="signed-out"]');
    const before = web.requestsTo('after-unlink.test').length;
    expect(await visit(e, web.url('after-unlink.test'))).toBe('Hello from after-unlink.test');
    expect(web.requestsTo('after-unlink.test').length).toBeGreaterThan(before);
    const proxyRows = await worker!.evaluate(() => chrome.proxy.settings.get({}));
    expect((proxyRows as { value: { mode: string } }).value.mode).not.toBe('pac_script');
  }, 180_000);

  it('an anonymous device that uses up its daily limit sees the limit state in the popup', async () => {
    stack = await startTestStack({ anonymousDailyBytes: 100_000 });
    const { e } = await launch(stack);
    ext = e;
    await turnVpnOn(e);
    expect(await visit(e, web.url('big-page.test'))).toBe('Hello from big-page.test');
    await waitFor(
      async () => {
        const popup = await openPopup(e);
        return (await popup.$('[data-testid="limit-notice"]')) !== null;
      },
      'the limit state',
      30_000,
    );
    const popup = await openPopup(e);
    await waitForText(popup, '[data-testid="connection-state"]', 'VPN paused: daily limit reached');
  });

  it('the portal hand-off: "An account was found — Connect" links the device through the portal', async () => {
    stack = await startTestStack();
    const email = 'handoff@example.com';
    const portalClient = stack.client();
    await portalClient.post('/api/v1/accounts', { email, password: PASSWORD });
    await portalClient.post('/api/v1/accounts/verify-email', {
      token: await stack.mailedToken(email, 'verify-email'),
    });
    const { e } = await launch(stack);
    ext = e;

    // Sign in to the portal in this browser (its cookie), then open a portal page: it tells the extension.
    const portal = await signedInPortal(e, stack, email);
    await portal.goto(`${stack.serviceUrl}/`);

    const worker = await e.serviceWorker();
    await waitFor(
      async () =>
        (await worker!.evaluate(() => chrome.storage.session.get('accountFound')))['accountFound'] === email,
      'the portal to tell the extension',
      20_000,
    );
    const account = await e.openPage('options/index.html#account');
    await account.waitForSelector('[data-testid="account-found"]');
    expect(await account.$eval('[data-testid="account-found"]', (el) => el.textContent)).toContain(email);

    // Connect: the extension opens the portal with its state; the signed-in portal hands the code back.
    await account.click('[data-testid="account-found"] button');
    const handoff = await e.browser.waitForTarget((t) => t.url().startsWith(`${stack!.serviceUrl}/link?`));
    const handoffPage = await handoff.page();
    if (handoffPage === null) throw new Error('the /link tab has no page');
    // waitForText reads a tab that is still committing its navigation to /link as "not yet".
    await waitForText(handoffPage, '[role="status"]', /now connected/i, 20_000);
    const after = await e.openPage('options/index.html#account');
    await waitForText(after, '[data-testid="account-email"]', `Signed in as ${email}`);
  });

  it('with the kill switch, stopping the real gateway sends nothing around it', async () => {
    stack = await startTestStack();
    const { e, options } = await launch(stack);
    ext = e;
    await options.reload();
    await options.waitForSelector('#kill-switch');
    await options.click('#kill-switch');
    await turnVpnOn(e);
    expect(await visit(e, web.url('before-stop.test'))).toBe('Hello from before-stop.test');
    await stack.gateway.close();
    expect(await visit(e, web.url('gateway-down.test'))).not.toBe('Hello from gateway-down.test');
    expect(web.requestsTo('gateway-down.test')).toHaveLength(0);
    const popup = await openPopup(e);
    await waitForText(popup, '[data-testid="connection-state"]', 'Connection problem');
  });
});
