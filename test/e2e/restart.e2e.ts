import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/stack/freePort';
import { launchWithExtension, newProfileDir, waitFor } from './harness/browser';
import { readPreferences } from './harness/chromiumPreferences';
import { sendFromPage } from './harness/extensionPages';
import { keepInstalled, launchInstalled, turnOnDeveloperMode } from './harness/installedChromium';
import { useTestProxy, LOOPBACK_RESOLVER } from './harness/vpnFlows';
import { startWebServer, type TestWebServer } from './harness/webServer';

// A browser restart with Rampart installed in the profile (not loaded again by the test): Chromium puts the
// extension's persisted proxy setting (the kill switch's PAC) in force before the service worker runs, so the
// first request of the new session already fails closed. The web server is the only server: anything it
// sees went direct.

const STARTUP_HOST = 'startup-page.test';
const EARLY_HOSTS = Array.from({ length: 6 }, (_, i) => `early-${i}.test`);

let web: TestWebServer;
let browser: Browser | undefined;
const folders: string[] = [];

beforeAll(async () => {
  web = await startWebServer();
});
afterAll(async () => {
  await browser?.close();
  await web.close();
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Starts loading `url` in a new tab; resolves with the tab once the load has ended, whichever way. */
async function load(b: Browser, url: string): Promise<Page> {
  const page = await b.newPage();
  await page.goto(url, { timeout: 20_000 }).catch(() => null);
  return page;
}

describe('after a browser restart, Rampart installed in the profile (Chromium)', () => {
  it('kill switch on, gateway down: not one request goes direct, from the first moment', async () => {
    const deadGateway = await freePort();
    const profile = await newProfileDir();
    folders.push(profile);

    // The user's session: developer mode on, Rampart loaded unpacked, the own gateway, kill switch, VPN on.
    const first = await launchWithExtension({ userDataDir: profile, args: [LOOPBACK_RESOLVER] });
    await turnOnDeveloperMode(first.browser);
    const options = await useTestProxy(first, deadGateway);
    await options.click('#kill-switch');
    await waitFor(
      () => options.$eval('#kill-switch', (input) => (input as HTMLInputElement).checked),
      'the kill switch to be on',
    );
    const status = await sendFromPage<{ ok: boolean; value: { vpnEnabled: boolean; killSwitch: boolean } }>(
      options,
      { type: 'setVpnEnabled', enabled: true },
    );
    expect(status.value).toMatchObject({ vpnEnabled: true, killSwitch: true });
    const extensionId = first.extensionId;
    await first.browser.close();

    // What the browser keeps at shutdown: the extension-controlled proxy setting, still the mandatory PAC
    // (nothing clears it when the browser closes).
    await keepInstalled(profile, extensionId);
    const kept = (await readPreferences(profile)).extensions.settings[extensionId]?.preferences?.proxy;
    expect(kept).toMatchObject({ mode: 'pac_script', pac_mandatory: true });

    // The restart: the browser opens its start-up page itself; pages are opened as soon as it answers.
    const startedAt = Date.now();
    browser = await launchInstalled({
      userDataDir: profile,
      args: [LOOPBACK_RESOLVER],
      startUrl: web.url(STARTUP_HOST),
    });
    const answeredAfterMs = Date.now() - startedAt;
    let workerAfterMs: number | null = null;
    const watchWorker = (target: { type(): string; url(): string }) => {
      if (workerAfterMs === null && target.type() === 'service_worker' && target.url().includes(extensionId))
        workerAfterMs = Date.now() - startedAt;
    };
    browser.on('targetcreated', watchWorker);
    for (const target of browser.targets()) watchWorker(target);
    const b = browser;
    const pages = await Promise.all(EARLY_HOSTS.map((host) => load(b, web.url(host))));
    const lastEndedAfterMs = Date.now() - startedAt;

    // Rampart came back by itself, from the profile.
    await waitFor(() => workerAfterMs !== null, 'Rampart’s service worker', 20_000);
    // The start-up page was tried too: its tab ends on Rampart's page saying why, not on the site.
    await waitFor(
      async () =>
        (await b.pages()).some(
          (page) =>
            page.url().startsWith(`chrome-extension://${extensionId}/blocked/`) &&
            page.url().includes(STARTUP_HOST),
        ),
      'Rampart’s page in place of the start-up page',
    );
    // Every load failed closed: none reached the site, and none shows it.
    for (const host of [STARTUP_HOST, ...EARLY_HOSTS]) expect(web.requestsTo(host)).toHaveLength(0);
    expect(web.seen).toHaveLength(0);
    for (const page of pages)
      expect(await page.$eval('h1', (h) => h.textContent ?? '').catch(() => '')).not.toMatch(/Hello from/);
    console.log(
      `installed-profile restart (Chromium): browser answered after ${answeredAfterMs} ms, worker after ${workerAfterMs} ms, ` +
        `${EARLY_HOSTS.length} loads + start-up page ended by ${lastEndedAfterMs} ms, direct requests: ${web.seen.length}`,
    );
  }, 180_000);
});
