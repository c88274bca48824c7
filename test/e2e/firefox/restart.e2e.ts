import { POPUP_READY, showOptionsSection } from '../harness/extensionPages';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../server/stack/freePort';
import { newProfileDir, waitFor } from '../harness/browser';
import type { Page } from 'puppeteer-core';
import { sendFromFirefoxPage, type FirefoxExtension } from '../harness/firefox';
import { installFirefoxPackage, launchFirefoxInstalled } from '../harness/installedFirefox';
import { useTestProxy } from '../harness/vpnFlows';
import { startWebServer, type TestWebServer } from '../harness/webServer';

// A browser restart with Rampart installed in the Firefox profile: Firefox keeps `proxy.onRequest` as a
// persistent listener of an installed add-on and holds the requests it matches until the background has
// started and answered, so the first request of the new session already fails closed. The web server is the
// only server: anything it sees went direct.

const STARTUP_HOST = 'startup-page.test';
const EARLY_HOSTS = Array.from({ length: 6 }, (_, i) => `early-${i}.test`);
const HOSTS = [STARTUP_HOST, ...EARLY_HOSTS];

let web: TestWebServer;
let ext: FirefoxExtension | undefined;
const folders: string[] = [];

beforeAll(async () => {
  web = await startWebServer();
});
afterAll(async () => {
  await ext?.close();
  await web.close();
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('after a browser restart, Rampart installed in the profile (Firefox ESR)', () => {
  it('kill switch on, gateway down: not one request goes direct, from the first moment', async () => {
    const deadGateway = await freePort();
    const profile = await newProfileDir();
    folders.push(profile);
    await installFirefoxPackage(profile);

    // The user's session: the own gateway, kill switch, VPN on.
    const first = await launchFirefoxInstalled({ userDataDir: profile, hosts: HOSTS });
    const options = await useTestProxy(first, deadGateway);
    // The kill switch is in General; the own-gateway form left the options page on its own section.
    await showOptionsSection(options, 'general');
    await options.click('#kill-switch');
    await waitFor(
      () => options.$eval('#kill-switch', (input) => (input as HTMLInputElement).checked),
      'the kill switch to be on',
    );
    const status = await sendFromFirefoxPage<{ value: { vpnEnabled: boolean; killSwitch: boolean } }>(
      options,
      { type: 'setVpnEnabled', enabled: true },
    );
    expect(status.value).toMatchObject({ vpnEnabled: true, killSwitch: true });
    await first.close();

    // The restart: the browser opens its start-up page itself; pages are opened as soon as it answers.
    const startedAt = Date.now();
    const e = (ext = await launchFirefoxInstalled({
      userDataDir: profile,
      hosts: HOSTS,
      startUrl: web.url(STARTUP_HOST),
    }));
    const answeredAfterMs = Date.now() - startedAt;
    const tabs = await Promise.all(EARLY_HOSTS.map((host) => e.visit(web.url(host))));
    // Each load fails (Firefox's proxy error page), and Rampart then shows its own page saying why.
    const failedClosed = (tab: Page) =>
      tab
        .evaluate(() => document.documentURI)
        .then(
          (uri) =>
            uri.startsWith('about:neterror?e=proxyConnectFailure') || uri.startsWith(`${e.origin}blocked/`),
          () => false,
        );
    await Promise.all(tabs.map((tab) => waitFor(() => failedClosed(tab), 'the load to fail closed', 30_000)));
    const lastEndedAfterMs = Date.now() - startedAt;
    // The start-up page was tried too, and failed closed the same way.
    await waitFor(
      async () => {
        for (const tab of await e.browser.pages()) {
          const uri = await tab.evaluate(() => document.documentURI).catch(() => '');
          if (uri.includes(STARTUP_HOST) && (await failedClosed(tab))) return true;
        }
        return false;
      },
      'the start-up page to fail closed',
      30_000,
    );

    // Rampart came back by itself, from the profile: its pages open.
    const popup = await e.openPage('popup/index.html');
    await popup.waitForSelector(POPUP_READY);
    for (const host of HOSTS) expect(web.requestsTo(host)).toHaveLength(0);
    expect(web.seen).toHaveLength(0);
    console.log(
      `installed-profile restart (Firefox ESR): browser answered after ${answeredAfterMs} ms, ` +
        `${EARLY_HOSTS.length} loads + start-up page failed closed by ${lastEndedAfterMs} ms, direct requests: ${web.seen.length}`,
    );
  }, 180_000);
});
