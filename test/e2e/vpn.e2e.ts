import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, waitFor, type ExtensionBrowser } from './harness/browser';
import { firstDrawOf, openPopup, published, showOptionsSection, waitForText } from './harness/extensionPages';
import { startRecordingProxy, type RecordingProxy } from './harness/recordingProxy';
import { LOOPBACK_RESOLVER, turnVpnOn, useTestProxy, visit } from './harness/vpnFlows';
import { startWebServer, type TestWebServer } from './harness/webServer';

let web: TestWebServer;
let proxy: RecordingProxy;
let ext: ExtensionBrowser | undefined;

beforeAll(async () => {
  web = await startWebServer();
  proxy = await startRecordingProxy();
});
afterAll(async () => {
  await proxy.close();
  await web.close();
});
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

const carriedCount = (host: string) => proxy.carriedTo(host).length;
const servedCount = (host: string) => web.requestsTo(host).length;
/** Plain-HTTP requests: each one the proxy carried was served once, so the rest came direct. */
const directCount = (host: string) => servedCount(host) - carriedCount(host);

describe('secure connection in real Chromium', () => {
  it('VPN on: a site goes only through the gateway; "Disable VPN for this site" sends it direct', async () => {
    ext = await launchWithExtension({ args: [LOOPBACK_RESOLVER] });
    await useTestProxy(ext, proxy.port);
    const popup = await turnVpnOn(ext);
    await waitForText(popup, '[data-testid="exit-address"]', 'Your address on the internet: 198.51.100.77');

    const first = await visit(ext, web.url('news-one.test', '/article'));
    expect(first.loaded).toBe(true);
    expect(carriedCount('news-one.test')).toBeGreaterThan(0);
    expect(directCount('news-one.test')).toBe(0);

    // The popup acts on the site of the active tab.
    const sitePopup = await openPopup(ext);
    await waitForText(sitePopup, '[data-testid="site-host"]', 'news-one.test');
    await waitForText(sitePopup, '[data-testid="site-route"]', 'goes through the VPN');
    await sitePopup.click('#site-vpn');
    await waitForText(sitePopup, '[data-testid="site-route"]', 'goes direct');

    const carriedBefore = carriedCount('news-one.test');
    const again = await visit(ext, web.url('news-one.test', '/second'));
    expect(again.loaded).toBe(true);
    expect(web.seen.some((r) => r.host === 'news-one.test' && r.path === '/second')).toBe(true);
    expect(carriedCount('news-one.test')).toBe(carriedBefore);
  });

  it('a site in a category set to "never" goes direct while the VPN is on', async () => {
    ext = await launchWithExtension({ args: [LOOPBACK_RESOLVER] });
    const options = await useTestProxy(ext, proxy.port);
    await showOptionsSection(options, 'categories');
    await options.select('#category-banks', 'never');
    await turnVpnOn(ext);
    const bank = await visit(ext, web.url('www.1822direkt.com', '/login'));
    expect(bank.loaded).toBe(true);
    expect(carriedCount('www.1822direkt.com')).toBe(0);
    expect(directCount('www.1822direkt.com')).toBeGreaterThan(0);
    const other = await visit(ext, web.url('plain-site.test'));
    expect(other.loaded).toBe(true);
    expect(carriedCount('plain-site.test')).toBeGreaterThan(0);
  });

  it('with the VPN off, a site with an "always" rule still goes through the gateway', async () => {
    ext = await launchWithExtension({ args: [LOOPBACK_RESOLVER] });
    const options = await useTestProxy(ext, proxy.port);
    await showOptionsSection(options, 'site-rules');
    await options.type('#rule-pattern', 'always-on.test');
    await options.select('#rule-action', 'always');
    await options.click('[data-testid="rule-form"] button[type="submit"]');
    await options.waitForSelector('[data-testid="rule-list"] li');

    const ruled = await visit(ext, web.url('www.always-on.test'));
    expect(ruled.loaded).toBe(true);
    expect(carriedCount('www.always-on.test')).toBeGreaterThan(0);
    expect(directCount('www.always-on.test')).toBe(0);
    const plain = await visit(ext, web.url('off-site.test'));
    expect(plain.loaded).toBe(true);
    expect(carriedCount('off-site.test')).toBe(0);
  });

  it('an invalid site pattern is explained and not saved', async () => {
    ext = await launchWithExtension({ args: [LOOPBACK_RESOLVER] });
    const options = await ext.openPage('options/index.html#site-rules');
    await options.waitForSelector('#rule-pattern');
    await options.type('#rule-pattern', 'bad*site.com');
    await options.click('[data-testid="rule-form"] button[type="submit"]');
    await options.waitForSelector('[data-testid="rule-error"]');
    expect(await options.$$eval('[data-testid="rule-list"] li', (items) => items.length)).toBe(0);
  });
});

describe('when the gateway goes away', () => {
  it('kill switch on: nothing reaches the site directly', async () => {
    const doomed = await startRecordingProxy();
    ext = await launchWithExtension({ args: [LOOPBACK_RESOLVER] });
    const options = await useTestProxy(ext, doomed.port);
    await showOptionsSection(options, 'general');
    await options.click('#kill-switch');
    await turnVpnOn(ext);
    await doomed.close();

    const blocked = await visit(ext, web.url('fail-closed.test'));
    expect(blocked.loaded).toBe(false);
    expect(servedCount('fail-closed.test')).toBe(0);
    const popup = await openPopup(ext);
    await waitForText(popup, '[data-testid="connection-state"]', 'Connection problem');
  });

  it('kill switch off: traffic falls back to direct and the popup shows the error', async () => {
    const doomed = await startRecordingProxy();
    ext = await launchWithExtension({ args: [LOOPBACK_RESOLVER] });
    await useTestProxy(ext, doomed.port);
    await turnVpnOn(ext);
    await doomed.close();

    const fallback = await visit(ext, web.url('fall-back.test'));
    expect(fallback.loaded).toBe(true);
    expect(directCount('fall-back.test')).toBeGreaterThan(0);
    const popup = await openPopup(ext);
    await waitForText(popup, '[data-testid="connection-state"]', 'Connection problem');
    await waitForText(popup, '[data-testid="connection-error"]', 'The VPN gateway cannot be reached.');
  });

  it('a stopped service worker: routing goes on, no password prompt, the popup shows the state', async () => {
    ext = await launchWithExtension({ args: [LOOPBACK_RESOLVER] });
    await useTestProxy(ext, proxy.port);
    await turnVpnOn(ext);
    await ext.stopServiceWorker();

    // The first request after the stop needs proxy auth: the woken worker must answer it.
    const refusedBefore = proxy.refused.length;
    const page = await visit(ext, web.url('after-restart.test'));
    expect(page.loaded).toBe(true);
    expect(carriedCount('after-restart.test')).toBeGreaterThan(0);
    expect(directCount('after-restart.test')).toBe(0);
    expect(proxy.refused.length - refusedBefore).toBeLessThanOrEqual(1);

    const popup = await openPopup(ext);
    await waitForText(popup, '[data-testid="connection-state"]', 'VPN is on');
    await waitFor(async () => (await popup.$('[data-testid="exit-address"]')) !== null, 'the exit address');
  });

  it('after a worker stop the popup draws at once the state the toolbar shows, then the fresh one', async () => {
    ext = await launchWithExtension({ args: [LOOPBACK_RESOLVER] });
    await useTestProxy(ext, proxy.port);
    const on = await turnVpnOn(ext);
    await waitFor(async () => (await published(on))?.state === 'on', 'the "on" state to be published');
    await ext.stopServiceWorker();

    // Drawn from the published status, before the stopped worker could answer; the worker then agrees.
    const popup = await openPopup(ext);
    expect(await firstDrawOf(popup)).toEqual({ state: 'on', published: true, language: 'en' });
    await waitFor(async () => (await popup.$('[data-testid="exit-address"]')) !== null, 'the exit address');
    await waitForText(popup, '[data-testid="connection-state"]', 'VPN is on');

    // A change is published too: the next popup after a stop draws "off" at once.
    await popup.click('[data-testid="vpn-toggle"]');
    await waitForText(popup, '[data-testid="connection-state"]', 'VPN is off');
    await waitFor(async () => (await published(popup))?.state === 'off', 'the "off" state to be published');
    await ext.stopServiceWorker();
    const again = await openPopup(ext);
    expect(await firstDrawOf(again)).toEqual({ state: 'off', published: true, language: 'en' });
    await waitForText(again, '[data-testid="connection-state"]', 'VPN is off');
  });
});
