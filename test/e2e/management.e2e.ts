import { rm } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, linkExtension, verifiedAccount } from './harness/accounts';
import { launchWithExtension, newProfileDir, waitFor, type ExtensionBrowser } from './harness/browser';
import { openPopup, sendFromPage } from './harness/extensionPages';
import { startTestStack, type TestStack } from './harness/stack';
import { startWebServer, type TestWebServer } from './harness/webServer';

// Remote management and the traffic report, with the real account service, portal and gateway on loopback.

const PASSWORD = TEST_PASSWORD;
/** The body of the page whose bytes the traffic report must show. */
const BIG_BODY = `<!doctype html><title>big</title><h1>Big page</h1><!--${'x'.repeat(1_500_000)}-->`;

let web: TestWebServer;
let ext: ExtensionBrowser | undefined;
let stack: TestStack | undefined;
const profiles: string[] = [];

beforeAll(async () => {
  web = await startWebServer((host, path) =>
    path === '/big' ? BIG_BODY : `<!doctype html><title>${host}</title><h1>Hello from ${host}</h1>`,
  );
});
afterAll(async () => {
  await web.close();
  await Promise.all(profiles.map((dir) => rm(dir, { recursive: true, force: true })));
});
afterEach(async () => {
  await ext?.close();
  await stack?.close();
  ext = undefined;
  stack = undefined;
});

const launch = (s: TestStack, userDataDir?: string) =>
  launchWithExtension({
    args: [...s.chromeFlags, '--host-resolver-rules=MAP *.test 127.0.0.1'],
    ...(userDataDir === undefined ? {} : { userDataDir }),
  });

/** A verified account, and this browser's extension linked to it (the options page's sign-in message). */
async function linkedDevice(s: TestStack, e: ExtensionBrowser, email: string): Promise<Page> {
  await verifiedAccount(s, email);
  return linkExtension(e, s, email);
}

/** Signs in to the portal in this browser, as a person would. */
async function portalSignIn(s: TestStack, e: ExtensionBrowser, email: string): Promise<Page> {
  const page = await e.browser.newPage();
  await page.goto(`${s.serviceUrl}/sign-in`);
  await page.waitForSelector('#email');
  await page.type('#email', email);
  await page.type('#password', PASSWORD);
  await page.click('[data-testid="sign-in-submit"]');
  await waitFor(() => new URL(page.url()).pathname !== '/sign-in', 'the portal to sign in');
  return page;
}

/** A portal API client signed in as `email` (2FA is off for these accounts). */
async function portalApi(s: TestStack, email: string) {
  const client = s.client();
  expect((await client.post('/api/v1/sessions', { email, password: PASSWORD })).body.status).toBe('signedIn');
  return client;
}

const protectionEnabled = async (page: Page) =>
  (await sendFromPage<{ ok: true; value: { enabled: boolean } }>(page, { type: 'getProtectionStatus' })).value
    .enabled;

describe('remote management from the portal', () => {
  it('protection turned off in the extension shows as a problem; Fix in the portal turns it back on', async () => {
    stack = await startTestStack();
    ext = await launch(stack);
    const email = 'managed@example.com';
    const options = await linkedDevice(stack, ext, email);

    const portal = await portalSignIn(stack, ext, email);
    await portal.goto(`${stack.serviceUrl}/devices`);
    await portal.waitForSelector('[data-testid="device-manage"]');
    await portal.click('[data-testid="device-manage"]');
    await portal.waitForSelector('[data-testid="no-problems"]', { timeout: 30_000 });

    // The user turns protection off in the popup; the portal page (refreshing itself) lists the problem.
    const popup = await openPopup(ext);
    // The protection panel renders once its own status reply arrives, after the connection state.
    await popup.waitForSelector('#protection-toggle');
    await popup.click('#protection-toggle');
    await waitFor(async () => !(await protectionEnabled(options)), 'protection to be off');
    await portal.waitForSelector('[data-testid="problem"][data-kind="protectionOff"]', { timeout: 30_000 });

    // Fix: the extension turns protection back on by itself within a minute, and the portal says done.
    const fixedAt = Date.now();
    await portal.click('[data-testid="problem"][data-kind="protectionOff"] [data-testid="fix"]');
    await portal.waitForSelector('[data-testid="command"][data-type="setProtection"]');
    await waitFor(() => protectionEnabled(options), 'protection to be back on', 60_000);
    expect(Date.now() - fixedAt).toBeLessThan(60_000);
    await portal.waitForSelector('[data-testid="command"][data-type="setProtection"][data-status="done"]', {
      timeout: 30_000,
    });
    await portal.waitForSelector('[data-testid="no-problems"]', { timeout: 30_000 });
  }, 240_000);

  it('a command queued while the browser is closed is Planned, and runs when the browser starts again', async () => {
    stack = await startTestStack();
    const profile = await newProfileDir();
    profiles.push(profile);
    ext = await launch(stack, profile);
    const email = 'offline@example.com';
    const options = await linkedDevice(stack, ext, email);
    expect(await protectionEnabled(options)).toBe(true);
    await ext.close();
    ext = undefined;

    const api = await portalApi(stack, email);
    const devices = (await api.get('/api/v1/account/devices')).body.devices as { id: string }[];
    const deviceId = devices[0]!.id;
    const queued = await api.post(`/api/v1/account/devices/${deviceId}/commands`, {
      command: { type: 'setProtection', enabled: false },
    });
    expect(queued.status).toBe(201);
    const detail = async () =>
      (await api.get(`/api/v1/account/devices/${deviceId}`)).body as {
        commands: { id: string; status: string; message: string | null }[];
      };
    expect((await detail()).commands).toMatchObject([{ id: queued.body.id, status: 'planned' }]);

    ext = await launch(stack, profile);
    const reopened = await ext.openPage('options/index.html');
    await waitFor(async () => !(await protectionEnabled(reopened)), 'the queued command to run', 90_000);
    await waitFor(
      async () => (await detail()).commands[0]?.status === 'done',
      'the result to reach the portal',
      30_000,
    );
    expect((await detail()).commands[0]?.message).toBe('Web protection is off.');
  }, 240_000);

  it('traffic through the gateway appears in the portal report with the right byte count', async () => {
    stack = await startTestStack();
    ext = await launch(stack);
    const email = 'traffic@example.com';
    await linkedDevice(stack, ext, email);
    await portalSignIn(stack, ext, email);

    const popup = await openPopup(ext);
    await popup.click('[data-testid="vpn-toggle"]');
    await popup.waitForFunction(
      () => document.querySelector('[data-testid="connection-state"]')?.textContent?.includes('VPN is on'),
      { timeout: 30_000 },
    );
    const page = await ext.browser.newPage();
    await page.goto(web.url('big.test', '/big'));
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Big page');
    expect(web.requestsTo('big.test').some((r) => r.path === '/big')).toBe(true);
    const expected = Buffer.byteLength(BIG_BODY);

    // The popup's link opens the report; the gateway reports usage every half second.
    const reportPage = await openPopup(ext);
    // The traffic line renders once the popup's getAccount reply arrives, after the connection state.
    await reportPage.waitForSelector('[data-testid="traffic-report-link"]');
    const opened = ext.browser.waitForTarget((t) => t.url().startsWith(`${stack!.serviceUrl}/traffic`));
    await reportPage.click('[data-testid="traffic-report-link"]');
    const traffic = (await (await opened).page())!;
    const shown = async () => {
      await traffic.reload();
      const bytes = await traffic
        .waitForSelector('[data-testid="traffic-total"]', { timeout: 10_000 })
        .then((el) => el!.evaluate((node) => Number(node.getAttribute('data-bytes'))))
        .catch(() => 0);
      return bytes;
    };
    let total = 0;
    await waitFor(
      async () => (total = await shown()) >= expected * 0.85,
      'the traffic in the report',
      30_000,
    );
    expect(total).toBeLessThanOrEqual(expected * 1.15);
    console.info(`traffic report: ${total} bytes shown for ${expected} bytes of page body carried`);
    const perDevice = await traffic.$$eval('[data-testid="traffic-device"]', (rows) =>
      rows.map((row) => Number(row.getAttribute('data-bytes'))),
    );
    expect(perDevice).toEqual([total]);
    await traffic.waitForSelector('[data-testid="traffic-chart"] canvas');
  }, 180_000);
});
