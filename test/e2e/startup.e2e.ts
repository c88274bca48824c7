import { rm } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildWithBundledAge } from './harness/agedBuild';
import { launchWithExtension, waitFor, type ExtensionBrowser } from './harness/browser';
import { openPopup, sendFromPage, textOf, waitForText } from './harness/extensionPages';
import { startRecordingProxy, type RecordingProxy } from './harness/recordingProxy';
import { startTestStack, type TestStack } from './harness/stack';
import { turnVpnOn, useTestProxy } from './harness/vpnFlows';
import { startWebServer, type TestWebServer } from './harness/webServer';

// What a fresh install and a failed start look like from the outside: the threat database's age and its
// update check (popup, options page, portal alike), and a part of the background that did not start.

const PASSWORD = 'Vr7kq9Lmz2Xw';
const RESOLVER = '--host-resolver-rules=MAP * 127.0.0.1';

let web: TestWebServer;
let proxy: RecordingProxy;
let ext: ExtensionBrowser | undefined;
let stack: TestStack | undefined;
const folders: string[] = [];

beforeAll(async () => {
  web = await startWebServer();
  proxy = await startRecordingProxy();
});
afterAll(async () => {
  await proxy.close();
  await web.close();
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});
afterEach(async () => {
  await ext?.close();
  await stack?.close();
  ext = undefined;
  stack = undefined;
});

const checkState = (page: Page) =>
  page.$eval('[data-testid="threat-check"]', (el) => el.getAttribute('data-state')).catch(() => null);

/** Waits until the page's update-check line has settled in `state` ("ok" or "failed"). */
async function waitForCheck(page: Page, state: 'ok' | 'failed', timeoutMs = 10_000) {
  await waitFor(
    async () => (await checkState(page)) === state,
    `the update check to end "${state}"`,
    timeoutMs,
  );
}

describe('the threat database after installation', () => {
  it('a 30-day-old bundled list is checked at once; popup, options and portal show one age', async () => {
    const aged = await buildWithBundledAge(30);
    folders.push(aged);
    stack = await startTestStack();
    const installedAt = Date.now();
    ext = await launchWithExtension({ extensionPath: aged, args: [...stack.chromeFlags, RESOLVER] });

    // The install checks at once against the built-in service, which is not running here: within seconds
    // (not at the hourly alarm's first minute) the popup says the check failed and why, and the list's age.
    const popup = await openPopup(ext);
    await waitForCheck(popup, 'failed');
    expect(Date.now() - installedAt).toBeLessThan(30_000);
    expect(await textOf(popup, '[data-testid="threat-check"]')).toMatch(/Could not reach the update service/);
    expect(await textOf(popup, '[data-testid="threat-db"]')).toMatch(/updated 30 days ago/);
    const options = await ext.openPage('options/index.html#web-protection');
    await waitForCheck(options, 'failed');
    expect(await textOf(options, '[data-testid="threat-db"]')).toMatch(/updated 30 days ago/);

    // Pointed at a reachable service, it checks again at once: the list is current, so it counts as fresh.
    await sendFromPage(options, { type: 'useTestService', url: stack.serviceUrl });
    const fresh = await openPopup(ext);
    await waitForCheck(fresh, 'ok');
    expect(await textOf(fresh, '[data-testid="threat-check"]')).toBe('Up to date (checked just now)');
    expect(await textOf(fresh, '[data-testid="threat-db"]')).toMatch(/updated just now/);
    await options.reload();
    await waitForCheck(options, 'ok');
    expect(await textOf(options, '[data-testid="threat-db"]')).toMatch(/updated just now/);

    // Linked to an account, the device is listed in the portal without an outdated database.
    const email = 'fresh-install@example.com';
    const portalApi = stack.client();
    expect((await portalApi.post('/api/v1/accounts', { email, password: PASSWORD })).status).toBe(202);
    const token = await stack.mailedToken(email, 'verify-email');
    expect((await portalApi.post('/api/v1/accounts/verify-email', { token })).status).toBe(200);
    const linked = await sendFromPage<{ ok: boolean }>(options, {
      type: 'signIn',
      email,
      password: PASSWORD,
    });
    expect(linked.ok).toBe(true);
    const linkedAt = Date.now();
    const portal = await ext.browser.newPage();
    await portal.goto(`${stack.serviceUrl}/sign-in`);
    await portal.waitForSelector('#email');
    await portal.type('#email', email);
    await portal.type('#password', PASSWORD);
    await portal.click('[data-testid="sign-in-submit"]');
    await waitFor(() => new URL(portal.url()).pathname !== '/sign-in', 'the portal to sign in');
    await portal.goto(`${stack.serviceUrl}/devices`);
    await portal.waitForSelector('[data-testid="device-manage"]');
    await portal.click('[data-testid="device-manage"]');
    await portal.waitForSelector('[data-testid="no-problems"]', { timeout: 15_000 });
    await waitForText(portal, '[data-testid="state-databases"]', /today/);
    expect(Date.now() - linkedAt).toBeLessThan(15_000);
  }, 180_000);
});

describe('a part of the background that fails at start', () => {
  it('is named in the popup while the VPN keeps working, and "Try again" starts it', async () => {
    ext = await launchWithExtension({ args: [RESOLVER] });
    const options = await ext.openPage('options/index.html#own-gateway');
    await options.waitForSelector('#gw-host');

    // A threat database left by a newer version (as after a downgrade) cannot be opened by this one. The
    // running worker holds the database open, so the upgrade goes through once the worker stops.
    const upgraded = options.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('rampart-threats', 99);
          request.onupgradeneeded = () => {
            if (!request.result.objectStoreNames.contains('lists')) request.result.createObjectStore('lists');
          };
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => reject(new Error(String(request.error)));
        }),
    );
    await ext.stopServiceWorker();
    await upgraded;
    // A downgrade is an extension update: the browser empties storage.session with it, so the next start
    // does not find the record of the rules it installed and builds them again from the database.
    await options.evaluate(() => chrome.storage.session.clear());

    // The next start: web protection cannot start and the popup says so; the secure connection works.
    const popup = await openPopup(ext);
    await popup.waitForSelector('[data-testid="start-problems"] [data-part="protection"]');
    expect(await textOf(popup, '[data-testid="start-problems"]')).toMatch(
      /Web protection could not start.*VersionError/s,
    );

    await useTestProxy(ext, proxy.port);
    const vpnPopup = await turnVpnOn(ext);
    const page = await ext.browser.newPage();
    await page.goto(web.url('while-broken.test', '/'));
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Hello from while-broken.test');
    expect(proxy.carriedTo('while-broken.test').length).toBeGreaterThan(0);

    // The cause goes away (the database is removed); "Try again" starts web protection.
    await options.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('rampart-threats');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(new Error(String(request.error)));
        }),
    );
    // The user comes back to the popup (the site's tab had the focus) and clicks "Try again".
    await vpnPopup.bringToFront();
    await vpnPopup.click('[data-testid="start-problems"] button');
    await waitFor(
      async () => (await vpnPopup.$('[data-testid="start-problems"]')) === null,
      'the problem to clear',
    );
    const status = await sendFromPage<{ ok: boolean }>(options, { type: 'getStartProblems' });
    expect(status).toEqual({ ok: true, value: [] });
  }, 180_000);
});
