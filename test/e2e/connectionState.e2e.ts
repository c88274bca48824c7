import { mkdir } from 'node:fs/promises';
import type { Page, WebWorker } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, newProfileDir, waitFor, type ExtensionBrowser } from './harness/browser';
import { openPopup, sendFromPage, textOf, waitForText } from './harness/extensionPages';
import { startTestStack, type TestStack } from './harness/stack';
import { startWebServer, type TestWebServer } from './harness/webServer';
import { freePort } from '../../server/stack/freePort';
import { startRecordingProxy } from './harness/recordingProxy';
import { waitForLimit } from './harness/vpnFlows';

const SCREENS = '.e2e-tmp/screens';
const RESOLVER = '--host-resolver-rules=MAP *.test 127.0.0.1';

let web: TestWebServer;
let ext: ExtensionBrowser | undefined;
let stack: TestStack | undefined;

beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
  // A page big enough to use up a small daily allowance at once.
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

async function launch(s: TestStack, options: { killSwitch?: boolean; language?: string } = {}) {
  const e = await launchWithExtension({ args: [...s.chromeFlags, RESOLVER] });
  const page = await e.openPage('options/index.html');
  await page.waitForSelector('#kill-switch');
  await sendFromPage(page, { type: 'useTestService', url: s.serviceUrl });
  await sendFromPage(page, {
    type: 'updateSettings',
    patch: {
      killSwitch: options.killSwitch ?? false,
      ...(options.language ? { language: options.language } : {}),
    },
  });
  await sendFromPage(page, { type: 'getAccount' });
  await page.close();
  return e;
}

/** The toolbar button as the browser holds it, read through the worker's own API. */
async function toolbar(e: ExtensionBrowser) {
  const worker = (await e.serviceWorker()) as WebWorker;
  return worker.evaluate(async () => ({
    badge: await chrome.action.getBadgeText({}),
    title: await chrome.action.getTitle({}),
  }));
}

/** Every value the popup's state line took while it was open (so a short "Connecting…" is seen too). */
async function recordStates(popup: Page) {
  await popup.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenStates: string[] }).seenStates = seen;
    const line = () => document.querySelector('[data-testid="connection-state"]');
    const note = () => {
      const state = line()?.getAttribute('data-state');
      if (state && seen.at(-1) !== state) seen.push(state);
    };
    note();
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  return () => popup.evaluate(() => (window as unknown as { seenStates: string[] }).seenStates);
}

async function visit(e: ExtensionBrowser, url: string): Promise<Page> {
  const page = await e.browser.newPage();
  await page.goto(url).catch(() => null);
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });

describe('the connection as the user sees it', () => {
  it('connecting → on → paused at the limit (kill switch off) → off: popup, site line, icon, notification', async () => {
    stack = await startTestStack({ anonymousDailyBytes: 100_000 });
    const e = (ext = await launch(stack));
    await visit(e, web.url('shop.test'));
    const popup = await openPopup(e);
    await waitForText(popup, '[data-testid="site-route"]', 'goes direct');
    await shot(popup, 'popup-off-en');
    expect(await toolbar(e)).toEqual({ badge: '', title: 'Rampart: VPN is off' });

    const seenStates = await recordStates(popup);
    await popup.click('[data-testid="vpn-toggle"]');
    await waitForText(popup, '[data-testid="connection-state"]', 'VPN is on', 30_000);
    expect(await seenStates()).toEqual(['off', 'connecting', 'on']);
    // The same popup, not reopened: the site line follows the new state.
    await waitForText(popup, '[data-testid="site-route"]', 'goes through the VPN');
    await waitForText(popup, '[data-testid="location-place"]', 'Loopback');
    await shot(popup, 'popup-on-en');
    await waitFor(async () => (await toolbar(e)).title.startsWith('Rampart: VPN is on'), 'the "on" tooltip');
    expect(await toolbar(e)).toEqual({ badge: '', title: 'Rampart: VPN is on\nLoopback' });

    expect(await (await visit(e, web.url('big-page.test'))).$eval('h1', (h) => h.textContent)).toBe(
      'Hello from big-page.test',
    );
    await waitForLimit(e);

    // The open popup turns to the limit by itself.
    await waitForText(popup, '[data-testid="connection-state"]', 'VPN paused: daily limit reached');
    await waitForText(
      popup,
      '[data-testid="limit-explain"]',
      /^Your traffic is not protected: pages load without the VPN until .+\.$/,
    );
    expect(await popup.$('[data-testid="vpn-toggle"]')).toBeNull();
    expect(await popup.$('[data-testid="limit-link-account"]')).not.toBeNull();
    await waitForText(popup, '[data-testid="popup-traffic"]', /the 100 kB allowance is used up/);
    await waitFor(async () => (await toolbar(e)).badge === 'MAX', 'the limit badge');
    expect((await toolbar(e)).title).toBe(
      'Rampart: VPN paused: daily limit reached\nTraffic is not protected',
    );
    const worker = (await e.serviceWorker()) as WebWorker;
    expect(Object.keys(await worker.evaluate(() => chrome.notifications.getAll()))).toContain(
      'limit-reached',
    );

    // The next page loads direct (the gateway refuses everything now), and the popup warned about it.
    const page = await visit(e, web.url('after-limit.test'));
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Hello from after-limit.test');
    expect(web.requestsTo('after-limit.test').length).toBeGreaterThan(0);
    // The popup reads the active tab of the last focused window: leave only this site's tab open.
    for (const other of await e.browser.pages())
      if (other !== page && !other.url().startsWith('chrome-extension:')) await other.close();
    await page.bringToFront();
    const warned = await openPopup(e);
    await waitForText(warned, '[data-testid="site-host"]', 'after-limit.test');
    await waitForText(warned, '[data-testid="site-route"]', 'goes direct');
    await waitForText(warned, '[data-testid="limit-explain"]', /not protected/);
    await shot(warned, 'popup-limit-en');

    // The icon survives a worker stop, then follows the switch to off.
    await e.stopServiceWorker();
    await openPopup(e);
    expect((await toolbar(e)).badge).toBe('MAX');
    const last = await openPopup(e);
    await last.click('[data-testid="limit-turn-off"]');
    await waitForText(last, '[data-testid="connection-state"]', 'VPN is off');
    await waitFor(async () => (await toolbar(e)).title === 'Rampart: VPN is off', 'the "off" tooltip');
    expect((await toolbar(e)).badge).toBe('');
  }, 180_000);

  it("kill switch on: at the limit a page shows Rampart's blocked page and nothing reaches the site", async () => {
    stack = await startTestStack({ anonymousDailyBytes: 100_000 });
    const e = (ext = await launch(stack, { killSwitch: true }));
    const popup = await openPopup(e);
    await popup.click('[data-testid="vpn-toggle"]');
    await waitForText(popup, '[data-testid="connection-state"]', 'VPN is on', 30_000);
    await visit(e, web.url('big-page.test'));

    // Pages go on until the gateway refuses one; that one, and every later one, shows Rampart's page.
    const blockedHosts: string[] = [];
    for (let i = 0; blockedHosts.length < 2 && i < 40; i++) {
      const host = `ks-${i}.test`;
      const page = await visit(e, web.url(host, '/cart'));
      const onBlockedPage = await waitFor(
        async () => page.url().startsWith(`chrome-extension://${e.extensionId}/blocked/`),
        'the blocked page',
        web.requestsTo(host).length > 0 ? 500 : 15_000,
      ).then(
        () => true,
        () => false,
      );
      if (!onBlockedPage) continue;
      blockedHosts.push(host);
      await waitForText(page, '[data-testid="blocked-reason"]', /used up.+kill switch/);
      expect(await textOf(page, '[data-testid="blocked-url"]')).toBe(web.url(host, '/cart'));
      expect(await page.$('[data-testid="blocked-try-again"]')).not.toBeNull();
      expect(await page.$('[data-testid="blocked-turn-off"]')).not.toBeNull();
      expect(await page.$('[data-testid="blocked-settings"]')).not.toBeNull();
      if (blockedHosts.length === 1) await shot(page, 'blocked-limit-en');
    }
    expect(blockedHosts).toHaveLength(2);
    for (const host of blockedHosts) expect(web.requestsTo(host)).toHaveLength(0);
    const again = await openPopup(e);
    await waitForText(
      again,
      '[data-testid="limit-explain"]',
      /^The kill switch blocks your traffic until .+/,
    );
    await waitFor(async () => (await toolbar(e)).badge === 'MAX', 'the limit badge');
    expect((await toolbar(e)).title).toBe(
      'Rampart: VPN paused: daily limit reached\nTraffic is blocked by the kill switch',
    );
  }, 180_000);

  it('Russian: the popup at the limit and the blocked page speak Russian', async () => {
    stack = await startTestStack({ anonymousDailyBytes: 100_000 });
    const e = (ext = await launch(stack, { killSwitch: true, language: 'ru' }));
    const popup = await openPopup(e);
    await shot(popup, 'popup-off-ru');
    await popup.click('[data-testid="vpn-toggle"]');
    await waitForText(popup, '[data-testid="connection-state"]', 'VPN включён', 30_000);
    await shot(popup, 'popup-on-ru');
    await visit(e, web.url('big-page.test'));
    await waitForLimit(e);
    await waitForText(popup, '[data-testid="connection-state"]', 'VPN приостановлен: дневной лимит исчерпан');
    await waitForText(
      popup,
      '[data-testid="limit-explain"]',
      /^Аварийное отключение блокирует ваш трафик до .+/,
    );
    // A window left in the background draws no frames: take the picture from a fresh popup.
    const fresh = await openPopup(e);
    await waitForText(fresh, '[data-testid="limit-explain"]', /^Аварийное отключение/);
    await shot(fresh, 'popup-limit-ru');
    const page = await visit(e, web.url('ru-blocked.test'));
    await waitFor(async () => page.url().includes('/blocked/'), 'the blocked page');
    await waitForText(page, '[data-testid="blocked-reason"]', /исчерпан/);
    await shot(page, 'blocked-limit-ru');
    expect(web.requestsTo('ru-blocked.test')).toHaveLength(0);
  }, 180_000);
});

describe('after a browser restart', () => {
  it('a VPN left on resumes: the popup says "VPN is on" and traffic goes through the gateway, none direct', async () => {
    const proxy = await startRecordingProxy();
    try {
      const profile = await newProfileDir();
      const first = await launchWithExtension({ userDataDir: profile, args: [RESOLVER] });
      const options = await first.openPage('options/index.html');
      await options.waitForSelector('#kill-switch');
      await sendFromPage(options, {
        type: 'updateSettings',
        // Saving one's own gateway selects it as the region.
        patch: {
          selfHostedGateway: {
            scheme: 'PROXY',
            host: '127.0.0.1',
            port: proxy.port,
            username: 'tester',
            password: 'secret-pass',
          },
        },
      });
      await sendFromPage(options, { type: 'setVpnEnabled', enabled: true });
      await first.browser.close();

      const e = (ext = await launchWithExtension({ userDataDir: profile, args: [RESOLVER] }));
      const popup = await openPopup(e);
      await waitForText(popup, '[data-testid="connection-state"]', 'VPN is on');
      expect(await textOf(popup, '[data-testid="vpn-toggle"]')).toBe('Turn VPN off');
      const page = await visit(e, web.url('resumed.test'));
      expect(await page.$eval('h1', (h) => h.textContent)).toBe('Hello from resumed.test');
      const carried = proxy.carriedTo('resumed.test').length;
      expect(carried).toBeGreaterThan(0);
      expect(web.requestsTo('resumed.test').length - carried).toBe(0);
      await waitFor(
        async () => (await toolbar(e)).title.startsWith('Rampart: VPN is on'),
        'the "on" tooltip',
      );
    } finally {
      await proxy.close();
    }
  }, 180_000);

  it('kill switch on, gateway down: the VPN resumes, nothing goes direct, the popup says so', async () => {
    const dead = await freePort();
    const profile = await newProfileDir();
    const first = await launchWithExtension({ userDataDir: profile, args: [RESOLVER] });
    const options = await first.openPage('options/index.html');
    await options.waitForSelector('#kill-switch');
    await sendFromPage(options, {
      type: 'updateSettings',
      patch: {
        killSwitch: true,
        selfHostedGateway: { scheme: 'PROXY', host: '127.0.0.1', port: dead, username: 'u', password: 'p' },
      },
    });
    await sendFromPage(options, { type: 'setVpnEnabled', enabled: true });
    await first.browser.close();

    const startedAt = Date.now();
    const e = (ext = await launchWithExtension({ userDataDir: profile, args: [RESOLVER] }));
    // The extension is back once its worker has put its PAC in force again (this harness loads the extension
    // after the browser starts, so that moment is measured and written in the README); from then on, page
    // loads fail closed.
    await waitFor(async () => {
      const worker = (await e.serviceWorker()) as WebWorker;
      const proxy = await worker.evaluate(() => chrome.proxy.settings.get({}));
      return proxy.levelOfControl === 'controlled_by_this_extension' && proxy.value.mode === 'pac_script';
    }, 'the PAC to be in force again');
    const loadedAfterMs = Date.now() - startedAt;
    const hosts = Array.from({ length: 6 }, (_, i) => `restart-${i}.test`);
    for (const host of hosts) await visit(e, web.url(host));
    for (const host of hosts) expect(web.requestsTo(host)).toHaveLength(0);
    const popup = await openPopup(e);
    await waitForText(popup, '[data-testid="connection-state"]', /Reconnecting…|Connection problem/);
    expect(await textOf(popup, '[data-testid="vpn-toggle"]')).toBe('Turn VPN off');
    if ((await textOf(popup, '[data-testid="connection-state"]')) === 'Reconnecting…')
      await shot(popup, 'popup-reconnecting-en');
    await waitForText(popup, '[data-testid="connection-state"]', 'Connection problem', 30_000);
    await shot(await openPopup(e), 'popup-error-en');
    // A page the kill switch stops now says why, on Rampart's page.
    const stopped = await visit(e, web.url('gateway-down.test', '/inbox'));
    await waitFor(async () => stopped.url().includes('/blocked/'), 'the blocked page');
    await waitForText(stopped, '[data-testid="blocked-reason"]', /gateway cannot be reached/);
    expect(await stopped.$eval('[data-testid="blocked-reason"]', (p) => p.getAttribute('data-reason'))).toBe(
      'unreachable',
    );
    expect(web.requestsTo('gateway-down.test')).toHaveLength(0);
    await waitFor(async () => (await toolbar(e)).badge === '!', 'the error badge');
    console.log(`extension loaded ${loadedAfterMs} ms after the browser was launched`);
  }, 180_000);
});
