import { readFile } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreatSnapshot } from '../../../src/threats';
import { waitFor } from '../harness/browser';
import {
  launchFirefoxWithExtension,
  sendFromFirefoxPage,
  waitForHeading,
  type FirefoxExtension,
} from '../harness/firefox';
import { startWebServer, type TestWebServer } from '../harness/webServer';

// Entries of the bundled sample list (see shared/data/threats); every name maps to loopback.
const LISTED_DOMAIN = '0-day.us';
// A URL entry early in the list: within Firefox's 5,000 dynamic rules, so a rule blocks it.
const URL_HOST = '09c1d5c3-1a6e-4c05-8e4e-eff75c6b5dd6.usrfiles.com';
const LISTED_PATH = '/ugd/09c1d5_067d5a752c594e7184b856b08dc34069.txt';
// URL entries are compiled in list order until the budget is spent: the list's last entry on a host name (an
// IP address cannot be mapped to loopback) is beyond it, and the background's blocking webRequest catches it.
let BEYOND_HOST = '';
let BEYOND_PATH = '';

let web: TestWebServer;
let ext: FirefoxExtension;
let helper: Page;
/** Milliseconds from the add-on's install to its threat rules in force. */
let installToRules = 0;

beforeAll(async () => {
  const { urls, domains } = JSON.parse(
    await readFile('extension/data/threats/snapshot.json', 'utf8'),
  ) as ThreatSnapshot;
  // Not on a listed domain either, or the domain rule would answer first.
  const listed = new Set(domains);
  const onListedDomain = (host: string) =>
    host.split('.').some((_, i, labels) => listed.has(labels.slice(i).join('.')));
  const beyond = urls.findLast(
    (entry) =>
      !/^[\d.]+\//.test(entry) && !entry.includes('?') && !onListedDomain(entry.slice(0, entry.indexOf('/'))),
  )!;
  expect(urls.indexOf(beyond)).toBeGreaterThan(5_000);
  BEYOND_HOST = beyond.slice(0, beyond.indexOf('/'));
  BEYOND_PATH = beyond.slice(beyond.indexOf('/'));
  // URL entries carry no port, so the test site listens on the default HTTP port (the suite runs as root).
  web = await startWebServer(
    (host) =>
      host === 'clean.test'
        ? `<!doctype html><title>clean</title><h1>Clean page</h1><img id="bad" src="http://${LISTED_DOMAIN}/pixel.png">`
        : `<!doctype html><title>${host}</title><h1>Hello from ${host}</h1>`,
    80,
  );
  const installing = Date.now();
  ext = await launchFirefoxWithExtension({ hosts: [LISTED_DOMAIN, URL_HOST, BEYOND_HOST, 'clean.test'] });
  helper = await ext.openPage('options/index.html');
  await waitFor(
    async () =>
      (await sendFromFirefoxPage<{ ok: boolean }>(helper, { type: 'getProtectionStatus' })).ok &&
      (await helper.evaluate(() => chrome.declarativeNetRequest.getDynamicRules().then((r) => r.length))) > 0,
    'the threat rules to be in force',
    60_000,
  );
  installToRules = Date.now() - installing;
}, 120_000);
afterAll(async () => {
  await ext?.close();
  await web?.close();
});

const requestsTo = (host: string, path?: string) =>
  web.seen.filter((r) => r.host === host && (path === undefined || r.path === path)).length;

async function expectWarning(page: Page, blocked: string) {
  await waitFor(
    () => page.evaluate(() => location.href.includes('/warning/index.html')).catch(() => false),
    'the warning page',
    20_000,
  );
  await page.waitForSelector('[data-testid="threat-type"]');
  expect(await page.$eval('[data-testid="blocked-url"]', (el) => el.textContent)).toBe(blocked);
  expect(await page.$eval('[data-testid="threat-type"]', (el) => el.textContent)).toBe('Malware');
}

describe('web protection in Firefox ESR', () => {
  it('installs within the browser’s rule budget, in reasonable time', async () => {
    const rules = await helper.evaluate(() =>
      chrome.declarativeNetRequest.getDynamicRules().then((r) => r.length),
    );
    const budget = await helper.evaluate(() => chrome.declarativeNetRequest.MAX_NUMBER_OF_DYNAMIC_RULES);
    expect(rules).toBe(budget);
    // What installing them costs alone: take them out and put the same rules back.
    const reinstallMs = await helper.evaluate(async () => {
      const dnr = chrome.declarativeNetRequest;
      const current = await dnr.getDynamicRules();
      await dnr.updateDynamicRules({ removeRuleIds: current.map((rule) => rule.id) });
      const started = performance.now();
      await dnr.updateDynamicRules({ addRules: current });
      return performance.now() - started;
    });
    console.log(
      `Firefox: ${rules} threat rules in force ${installToRules} ms after launch; installing them takes ${Math.round(reinstallMs)} ms`,
    );
    expect(installToRules).toBeLessThan(60_000);
    expect(reinstallMs).toBeLessThan(10_000);
  });

  it('a listed domain opens the warning page before any request', async () => {
    const url = web.url(LISTED_DOMAIN, '/login');
    await expectWarning(await ext.visit(url), url);
    expect(requestsTo(LISTED_DOMAIN)).toBe(0);
  });

  it('a listed URL (a rule) opens the warning page; another file on its host loads', async () => {
    const url = web.url(URL_HOST, LISTED_PATH);
    await expectWarning(await ext.visit(url), url);
    expect(requestsTo(URL_HOST, LISTED_PATH)).toBe(0);
    await waitForHeading(
      await ext.visit(web.url(URL_HOST, '/ugd/some-other-file.txt')),
      `Hello from ${URL_HOST}`,
    );
  });

  it('a listed URL beyond the rule budget is stopped before the request too', async () => {
    // No rule names it or its host: only the background can have stopped it.
    const ruleTexts = await helper.evaluate(() =>
      chrome.declarativeNetRequest
        .getDynamicRules()
        .then((rules) => rules.map((rule) => JSON.stringify(rule))),
    );
    expect(ruleTexts.filter((text) => text.includes(BEYOND_HOST))).toEqual([]);
    const url = web.url(BEYOND_HOST, BEYOND_PATH);
    await expectWarning(await ext.visit(url), url);
    expect(requestsTo(BEYOND_HOST, BEYOND_PATH)).toBe(0);
    await waitForHeading(await ext.visit(web.url(BEYOND_HOST, '/fine.html')), `Hello from ${BEYOND_HOST}`);
  });

  it('a sub-resource from a listed domain is blocked on a clean page', async () => {
    const page = await ext.visit(web.url('clean.test'));
    await waitForHeading(page, 'Clean page');
    await waitFor(
      () => page.$eval('#bad', (img) => (img as HTMLImageElement).complete),
      'the image to settle',
    );
    expect(await page.$eval('#bad', (img) => (img as HTMLImageElement).naturalWidth)).toBe(0);
    expect(requestsTo(LISTED_DOMAIN)).toBe(0);
  });

  it('Proceed on the warning page loads the site', async () => {
    const url = web.url(LISTED_DOMAIN, '/proceed');
    const page = await ext.visit(url);
    await expectWarning(page, url);
    await page.click('[data-testid="proceed"]');
    await waitForHeading(page, `Hello from ${LISTED_DOMAIN}`);
    expect(requestsTo(LISTED_DOMAIN, '/proceed')).toBe(1);
  });

  // Last: it takes away the access every test above needs.
  it('options says what Firefox does not let Rampart do: private windows, and sites once access is withdrawn', async () => {
    const shows = (page: Page, testId: string) =>
      page
        .evaluate((id) => document.querySelector(`[data-testid="${id}"]`) !== null, testId)
        .catch(() => false);
    const before = await ext.openPage('options/index.html');
    await waitFor(() => shows(before, 'no-private-windows'), 'the private-windows notice');
    expect(await shows(before, 'no-site-access')).toBe(false);
    expect(await before.evaluate(() => chrome.permissions.remove({ origins: ['<all_urls>'] }))).toBe(true);
    const after = await ext.openPage('options/index.html');
    await waitFor(() => shows(after, 'no-site-access'), 'the no-access notice');
  });
});
