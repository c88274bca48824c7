import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/stack/freePort';
import { launchWithExtension, newProfileDir, waitFor } from './harness/browser';
import { readPreferences } from './harness/chromiumPreferences';
import { sendFromPage, showOptionsSection } from './harness/extensionPages';
import {
  keepInstalled,
  launchInstalled,
  launchLoadingExtension,
  turnOnDeveloperMode,
} from './harness/installedChromium';
import { useTestProxy, LOOPBACK_RESOLVER } from './harness/vpnFlows';
import { startWebServer, type TestWebServer } from './harness/webServer';

// A browser restart with the kill switch on and the gateway down, Rampart not loaded again by the test (it is
// installed in the profile) or given with --load-extension (loaded during the browser's own start). Chromium
// puts the extension's persisted proxy setting (the kill switch's PAC) in force before the service worker
// runs, so the first request of the new session already fails closed. The web server is the only server:
// anything it sees went direct. (Loading the extension over CDP once the browser is up, as the rest of this
// suite does, leaves a window: see connectionState.e2e.ts.)

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

/** The user's settings before closing the browser: the own gateway (down), the kill switch, the VPN on. */
async function killSwitchOnGatewayDown(e: { openPage(path: string): Promise<Page> }, deadGateway: number) {
  const options = await useTestProxy(e, deadGateway);
  // The kill switch is in General; the own-gateway form left the options page on its own section.
  await showOptionsSection(options, 'general');
  await options.click('#kill-switch');
  await waitFor(
    () => options.$eval('#kill-switch', (input) => (input as HTMLInputElement).checked),
    'the kill switch to be on',
  );
  const status = await sendFromPage<{ value: { vpnEnabled: boolean; killSwitch: boolean } }>(options, {
    type: 'setVpnEnabled',
    enabled: true,
  });
  expect(status.value).toMatchObject({ vpnEnabled: true, killSwitch: true });
}

/**
 * Starts the browser again on `profile` (through `start`), with a start-up page on its command line, opens
 * six pages as soon as it answers, and checks that Rampart came back and that every load failed closed.
 */
async function restartAndCount(extensionId: string, start: (startUrl: string) => Promise<Browser>) {
  web.seen.length = 0;
  const startedAt = Date.now();
  const b = (browser = await start(web.url(STARTUP_HOST)));
  const answeredAfterMs = Date.now() - startedAt;
  let workerAfterMs: number | null = null;
  const watchWorker = (target: { type(): string; url(): string }) => {
    if (workerAfterMs === null && target.type() === 'service_worker' && target.url().includes(extensionId))
      workerAfterMs = Date.now() - startedAt;
  };
  b.on('targetcreated', watchWorker);
  for (const target of b.targets()) watchWorker(target);
  const pages = await Promise.all(EARLY_HOSTS.map((host) => load(b, web.url(host))));
  const lastEndedAfterMs = Date.now() - startedAt;

  // Rampart came back by itself.
  await waitFor(() => workerAfterMs !== null, 'Rampart’s service worker', 20_000);
  // The start-up page was tried too: its tab ends on Chromium's error page or on Rampart's page saying why.
  const failedClosed = async (page: Page) =>
    page.url().startsWith(`chrome-extension://${extensionId}/blocked/`) ||
    (await page.evaluate(() => location.href).catch(() => '')).startsWith('chrome-error://');
  // Chromium's error page keeps the failed host in its title.
  const isStartupTab = async (page: Page) =>
    page.url().includes(STARTUP_HOST) || (await page.title().catch(() => '')).includes(STARTUP_HOST);
  await waitFor(async () => {
    for (const page of await b.pages())
      if ((await isStartupTab(page)) && (await failedClosed(page))) return true;
    return false;
  }, 'the start-up page to fail closed');
  // Every load failed closed: none reached the site, and none shows it.
  for (const host of [STARTUP_HOST, ...EARLY_HOSTS]) expect(web.requestsTo(host)).toHaveLength(0);
  expect(web.seen).toHaveLength(0);
  // A load that failed may still be on its way to the error page or to Rampart's page saying why.
  for (const page of pages)
    await waitFor(() => failedClosed(page), 'every early page to fail closed', 15_000);
  await b.close();
  browser = undefined;
  return { answeredAfterMs, workerAfterMs, lastEndedAfterMs };
}

describe('after a browser restart, kill switch on and gateway down (Chromium)', () => {
  it('Rampart installed in the profile: not one request goes direct, from the first moment', async () => {
    const profile = await newProfileDir();
    folders.push(profile);
    // The user's session: developer mode on, Rampart loaded unpacked.
    const first = await launchWithExtension({ userDataDir: profile, args: [LOOPBACK_RESOLVER] });
    await turnOnDeveloperMode(first.browser);
    await killSwitchOnGatewayDown(first, await freePort());
    const extensionId = first.extensionId;
    await first.browser.close();

    // What the browser keeps at shutdown: the extension-controlled proxy setting, still the mandatory PAC
    // (nothing clears it when the browser closes).
    await keepInstalled(profile, extensionId);
    const kept = (await readPreferences(profile)).extensions.settings[extensionId]?.preferences?.proxy;
    expect(kept).toMatchObject({ mode: 'pac_script', pac_mandatory: true });

    const figures = await restartAndCount(extensionId, (startUrl) =>
      launchInstalled({ userDataDir: profile, args: [LOOPBACK_RESOLVER], startUrl }),
    );
    console.log(`installed in the profile (Chromium): ${JSON.stringify(figures)}, direct requests: 0`);
  }, 180_000);

  it('Rampart given with --load-extension at each start: not one request goes direct either', async () => {
    const profile = await newProfileDir();
    folders.push(profile);
    const first = await launchLoadingExtension({ userDataDir: profile, args: [LOOPBACK_RESOLVER] });
    await killSwitchOnGatewayDown(first, await freePort());
    await first.browser.close();

    const figures = await restartAndCount(
      first.extensionId,
      async (startUrl) =>
        (await launchLoadingExtension({ userDataDir: profile, args: [LOOPBACK_RESOLVER], startUrl })).browser,
    );
    console.log(`--load-extension at each start (Chromium): ${JSON.stringify(figures)}, direct requests: 0`);
  }, 180_000);
});
