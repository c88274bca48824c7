import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { openPopup, sendFromPage, showOptionsSection, textOf, waitForText } from './harness/extensionPages';
import { startRecordingProxy, type RecordingProxy } from './harness/recordingProxy';
import { LOOPBACK_RESOLVER, turnVpnOn, useTestProxy, visit } from './harness/vpnFlows';
import { startWebServer, type TestWebServer } from './harness/webServer';

// Real public-suffix names are needed to show the PSL's private section (github.io); like every other name here
// they resolve to 127.0.0.1 in the browser and in the test proxy, so nothing leaves the machine.
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

const carried = (host: string) => proxy.carriedTo(host).length;
const served = (host: string) => web.requestsTo(host).length;
/** Plain-HTTP requests: each one the proxy carried was served once, so the rest came direct. */
const direct = (host: string) => served(host) - carried(host);

async function addRule(options: Page, pattern: string, action: 'always' | 'never' | 'ask') {
  await showOptionsSection(options, 'site-rules');
  await options.$eval('#rule-pattern', (input) => ((input as HTMLInputElement).value = ''));
  await options.type('#rule-pattern', pattern);
  await options.select('#rule-action', action);
  await options.click('[data-testid="rule-form"] button[type="submit"]');
}

describe('one-click site rules in real Chromium', () => {
  it('on shared hosting "Disable VPN for this site" covers alice.github.io only; bob.github.io keeps the VPN', async () => {
    ext = await launchWithExtension({ args: [LOOPBACK_RESOLVER] });
    await useTestProxy(ext, proxy.port);
    await turnVpnOn(ext);

    expect((await visit(ext, web.url('alice.github.io', '/first'))).loaded).toBe(true);
    expect(carried('alice.github.io')).toBeGreaterThan(0);
    const popup = await openPopup(ext);
    await waitForText(popup, '[data-testid="site-host"]', 'alice.github.io');
    await waitForText(
      popup,
      '[data-testid="site-vpn-switch"] .toggle-hint',
      'The switch makes a rule for all of alice.github.io.',
    );
    await waitForText(popup, '[data-testid="site-route"]', 'goes through the VPN');
    await popup.click('#site-vpn');
    await waitForText(popup, '[data-testid="site-route"]', 'goes direct');

    const carriedBefore = carried('alice.github.io');
    expect((await visit(ext, web.url('alice.github.io', '/second'))).loaded).toBe(true);
    expect(web.seen.some((r) => r.host === 'alice.github.io' && r.path === '/second')).toBe(true);
    expect(carried('alice.github.io')).toBe(carriedBefore);

    expect((await visit(ext, web.url('bob.github.io'))).loaded).toBe(true);
    expect(carried('bob.github.io')).toBeGreaterThan(0);
    expect(direct('bob.github.io')).toBe(0);
  });

  it('under a more specific "always" rule, "Disable VPN for this site" really sends the host direct', async () => {
    ext = await launchWithExtension({ args: [LOOPBACK_RESOLVER] });
    const options = await useTestProxy(ext, proxy.port);
    await addRule(options, '*.sticky.test', 'always');
    await options.waitForSelector('[data-testid="rule-list"] li');
    await turnVpnOn(ext);

    expect((await visit(ext, web.url('www.sticky.test', '/before'))).loaded).toBe(true);
    expect(carried('www.sticky.test')).toBeGreaterThan(0);
    const popup = await openPopup(ext);
    await waitForText(popup, '[data-testid="site-host"]', 'www.sticky.test');
    await waitForText(popup, '[data-testid="site-route"]', 'goes through the VPN');
    await waitForText(popup, '[data-testid="site-decided-by"]', 'Decided by the rule “*.sticky.test”.');
    await popup.click('#site-vpn');
    await waitForText(popup, '[data-testid="site-route"]', 'goes direct');
    await waitForText(popup, '[data-testid="site-decided-by"]', 'Decided by the rule “sticky.test”.');
    expect(await textOf(popup, '[data-testid="site-replaced"]')).toBe(
      'Removed the rule “*.sticky.test” (Always use VPN): it sent this site the other way.',
    );

    const carriedBefore = carried('www.sticky.test');
    expect((await visit(ext, web.url('www.sticky.test', '/after'))).loaded).toBe(true);
    expect(web.seen.some((r) => r.host === 'www.sticky.test' && r.path === '/after')).toBe(true);
    expect(carried('www.sticky.test')).toBe(carriedBefore);
  });

  // mail.google.com is HSTS-preloaded, so the plain-HTTP test site cannot stand for it; email.azet.sk is the same
  // case: a webmail host listed below its site (azet.sk), which the popup used to show instead of the tab's host.
  it('"Use VPN" answered to an Ask on a webmail host: the popup says so and the next request is carried', async () => {
    ext = await launchWithExtension({ args: [LOOPBACK_RESOLVER] });
    const options = await useTestProxy(ext, proxy.port);
    await showOptionsSection(options, 'categories');
    await options.select('#category-webmail', 'ask');

    // VPN off: while unanswered, the site follows the global state (direct).
    expect((await visit(ext, web.url('email.azet.sk', '/inbox'))).loaded).toBe(true);
    expect(carried('email.azet.sk')).toBe(0);
    const popup = await openPopup(ext);
    await waitForText(popup, '[data-testid="site-host"]', 'email.azet.sk');
    await waitForText(popup, '[data-testid="ask-prompt"] p', 'Use the VPN for azet.sk?');
    await popup.click('[data-testid="ask-vpn"]');
    await waitForText(popup, '[data-testid="site-route"]', 'goes through the VPN');

    const directBefore = direct('email.azet.sk');
    expect((await visit(ext, web.url('email.azet.sk', '/answered'))).loaded).toBe(true);
    expect(web.seen.some((r) => r.host === 'email.azet.sk' && r.path === '/answered')).toBe(true);
    expect(carried('email.azet.sk')).toBeGreaterThan(0);
    expect(direct('email.azet.sk')).toBe(directBefore);
  });
});

describe('rules for hosts that never go through the VPN', () => {
  it('a one-word name is refused with the reason, and goes direct with the VPN on even under an old always rule', async () => {
    ext = await launchWithExtension({ args: [LOOPBACK_RESOLVER] });
    const options = await useTestProxy(ext, proxy.port);
    await addRule(options, 'intranet', 'always');
    await waitForText(
      options,
      '[data-testid="rule-error"]',
      '“intranet” is a one-word name known only on your local network. Such names never go through the VPN, so a rule for it would have no effect.',
    );
    expect(await options.$$eval('[data-testid="rule-list"] li', (items) => items.length)).toBe(0);
    // A rule an older version accepted stays visible, marked as never taking effect, as the PAC ignores it.
    await sendFromPage(options, {
      type: 'updateSettings',
      patch: { siteRules: [{ pattern: 'intranet', action: 'always' }] },
    });
    await options.reload();
    await waitForText(options, '[data-testid="rule-ineffective"]', /^“intranet” is a one-word name/);
    await turnVpnOn(ext);

    expect((await visit(ext, web.url('intranet', '/home'))).loaded).toBe(true);
    expect(served('intranet')).toBeGreaterThan(0);
    expect(carried('intranet')).toBe(0);
    const popup = await openPopup(ext);
    await waitForText(popup, '[data-testid="site-host"]', 'intranet');
    await waitForText(popup, '[data-testid="site-route"]', 'goes direct');
    await waitForText(
      popup,
      '[data-testid="site-bypassed"]',
      'One-word names such as “intranet” are known only on your local network and never go through the VPN.',
    );
    expect(await popup.$('#site-vpn')).toBeNull();
  });

  it('a port or a path is refused with a message saying rules apply to whole hosts, in add and in bulk import', async () => {
    ext = await launchWithExtension({ args: [LOOPBACK_RESOLVER] });
    const options = await ext.openPage('options/index.html#site-rules');
    await options.waitForSelector('#rule-pattern');
    await addRule(options, '10.0.0.1:8080', 'always');
    await waitForText(
      options,
      '[data-testid="rule-error"]',
      'Rules apply to whole hosts, on every port: remove “:8080”.',
    );
    await addRule(options, 'https://example.com/path', 'always');
    await waitForText(
      options,
      '[data-testid="rule-error"]',
      'Rules apply to whole hosts, not to single pages: remove “/path” and keep only the host, for example example.com.',
    );
    expect(await options.$$eval('[data-testid="rule-list"] li', (items) => items.length)).toBe(0);

    await options.click('details.bulk summary');
    await options.type(
      '#bulk-rules',
      ['good-one.test', '10.0.0.1:8080', 'router', 'https://example.com/path', 'good-two.test'].join('\n'),
    );
    await options.select('#bulk-action', 'never');
    await options.click('details.bulk button');
    await options.waitForSelector('[data-testid="bulk-outcome"]');
    expect(
      await options.$$eval('[data-testid="rule-list"] .rule-pattern', (els) => els.map((e) => e.textContent)),
    ).toEqual(['good-one.test', 'good-two.test']);
    expect(
      await options.$$eval('[data-testid="bulk-refused"] li', (els) => els.map((e) => e.textContent)),
    ).toEqual([
      '10.0.0.1:8080 — Rules apply to whole hosts, on every port: remove “:8080”.',
      'router — “router” is a one-word name known only on your local network. Such names never go through the VPN, so a rule for it would have no effect.',
      'https://example.com/path — Rules apply to whole hosts, not to single pages: remove “/path” and keep only the host, for example example.com.',
    ]);
    expect(await options.$eval('#bulk-rules', (t) => (t as HTMLTextAreaElement).value)).toBe(
      '10.0.0.1:8080\nrouter\nhttps://example.com/path',
    );
  });
});
