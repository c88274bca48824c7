import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rm } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../server/app';
import type { Database } from '../../server/db';
import { createThreatsService } from '../../server/services/threats';
import { testDatabase } from '../integration/server/database';
import { testConfig } from '../integration/server/helpers';
import { launchWithExtension, newProfileDir, waitFor, type ExtensionBrowser } from './harness/browser';
import { openPopup, sendFromPage, waitForText } from './harness/extensionPages';
import { startWebServer, type TestWebServer } from './harness/webServer';

const RESOLVER = '--host-resolver-rules=MAP * 127.0.0.1';
// Chrome would first try https:// for these real names (HTTPS-Upgrades); the test site speaks plain HTTP only.
const NO_HTTPS_UPGRADES = '--disable-features=HttpsUpgrades';
// Entries of the bundled sample list (see shared/data/threats): never fetched for real, every name maps to loopback.
const LISTED_DOMAIN = '0-day.us';
// A URL entry on a host that is not listed whole (a file on a shared hosting service).
const URL_HOST = '09c1d5c3-1a6e-4c05-8e4e-eff75c6b5dd6.usrfiles.com';
const LISTED_PATH = '/ugd/09c1d5_067d5a752c594e7184b856b08dc34069.txt';

let web: TestWebServer;
let ext: ExtensionBrowser | undefined;

beforeAll(async () => {
  // URL entries carry no port, so the test site listens on the default HTTP port (the suite runs as root).
  web = await startWebServer(
    (host) =>
      host === 'clean.test'
        ? `<!doctype html><title>clean</title><h1>Clean page</h1><img id="bad" src="http://${LISTED_DOMAIN}/pixel.png">`
        : `<!doctype html><title>${host}</title><h1>Hello from ${host}</h1>`,
    80,
  );
});
afterAll(() => web.close());
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

const requestsTo = (host: string, path?: string) =>
  web.seen.filter((r) => r.host === host && (path === undefined || r.path === path)).length;

async function expectWarning(page: Page, blocked: string) {
  await waitFor(() => page.url().includes('/warning/index.html'), 'the warning page');
  await page.waitForSelector('[data-testid="threat-type"]');
  expect(await page.$eval('[data-testid="blocked-url"]', (el) => el.textContent)).toBe(blocked);
  expect(await page.$eval('[data-testid="threat-type"]', (el) => el.textContent)).toBe('Malware');
}

/**
 * A browser with the extension installed and its bundled list in force. Chrome loads a static ruleset while
 * the extension starts; a person installs once and browses later, so a test waits for that before browsing.
 */
async function launch(options: { userDataDir?: string } = {}): Promise<ExtensionBrowser> {
  const e = await launchWithExtension({ args: [RESOLVER, NO_HTTPS_UPGRADES], ...options });
  // Right after start the worker's context may not have its extension APIs yet: ask again.
  const enabledRulesets = async (): Promise<string[]> =>
    (await (await e.serviceWorker())?.evaluate(() => chrome.declarativeNetRequest.getEnabledRulesets())) ??
    [];
  await waitFor(
    () =>
      enabledRulesets().then(
        (ids) => ids.includes('bundled-threats'),
        () => false,
      ),
    'the bundled threat rules to be in force',
  );
  return e;
}

async function open(e: ExtensionBrowser, url: string): Promise<Page> {
  const page = await e.browser.newPage();
  await page.goto(url).catch(() => null);
  return page;
}

describe('web protection in real Chromium', () => {
  it('a listed domain and a listed URL open the warning page; the server sees nothing', async () => {
    ext = await launch();
    const domainUrl = web.url(LISTED_DOMAIN, '/login');
    await expectWarning(await open(ext, domainUrl), domainUrl);
    const urlEntry = web.url(URL_HOST, LISTED_PATH);
    await expectWarning(await open(ext, urlEntry), urlEntry);
    expect(requestsTo(LISTED_DOMAIN)).toBe(0);
    expect(requestsTo(URL_HOST, LISTED_PATH)).toBe(0);

    // Another file on the same host is not blocked: the entry is the URL, not the host.
    const clean = await open(ext, web.url(URL_HOST, '/ugd/some-other-file.txt'));
    expect(await clean.$eval('h1', (h) => h.textContent)).toBe(`Hello from ${URL_HOST}`);
  });

  it('a sub-resource from a listed domain is blocked on a clean page', async () => {
    ext = await launch();
    const page = await open(ext, web.url('clean.test'));
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Clean page');
    await waitFor(
      () => page.$eval('#bad', (img) => (img as HTMLImageElement).complete),
      'the image to settle',
    );
    expect(await page.$eval('#bad', (img) => (img as HTMLImageElement).naturalWidth)).toBe(0);
    expect(requestsTo(LISTED_DOMAIN)).toBe(0);
  });

  it('Proceed loads the site; when the allowance ends the warning returns', async () => {
    ext = await launch();
    const url = web.url(LISTED_DOMAIN, '/proceed');
    const page = await open(ext, url);
    await expectWarning(page, url);
    await page.click('[data-testid="proceed"]');
    await waitFor(async () => page.url() === url && (await page.$('h1')) !== null, 'the site to load');
    expect(requestsTo(LISTED_DOMAIN, '/proceed')).toBe(1);

    // Let the allowance run out (as ten minutes would), then any settings write re-applies the rules.
    const worker = await ext.serviceWorker();
    await worker!.evaluate(() => chrome.storage.local.set({ allowances: { '0-day.us': Date.now() - 1 } }));
    const options = await ext.openPage('options/index.html');
    await sendFromPage(options, { type: 'updateSettings', patch: {} });
    const again = web.url(LISTED_DOMAIN, '/after');
    await expectWarning(await open(ext, again), again);
    expect(requestsTo(LISTED_DOMAIN, '/after')).toBe(0);
  });

  it('"Always allow" survives a browser restart and shows in options', async () => {
    const profile = await newProfileDir();
    try {
      ext = await launch({ userDataDir: profile });
      const url = web.url(LISTED_DOMAIN, '/always');
      const page = await open(ext, url);
      await expectWarning(page, url);
      await page.click('[data-testid="always-allow"]');
      await waitFor(async () => page.url() === url && (await page.$('h1')) !== null, 'the site to load');
      await ext.browser.close();

      ext = await launch({ userDataDir: profile });
      // The options page answers once the background has started (and re-applied its rules).
      const options = await ext.openPage('options/index.html#web-protection');
      await waitForText(options, '[data-testid="allow-list"]', new RegExp(LISTED_DOMAIN.replace('.', '\\.')));
      const after = await open(ext, web.url(LISTED_DOMAIN, '/after-restart'));
      expect(await after.$eval('h1', (h) => h.textContent)).toBe(`Hello from ${LISTED_DOMAIN}`);
    } finally {
      await ext?.close();
      ext = undefined;
      await rm(profile, { recursive: true, force: true });
    }
  });

  it('the popup shows the database version and turns protection off and on', async () => {
    ext = await launch();
    const popup = await openPopup(ext);
    await waitForText(popup, '[data-testid="threat-db"]', /^Threat database version 1, updated /);
    await popup.click('#protection-toggle');
    await waitFor(
      async () =>
        (await popup.$(
          '[data-testid="protection-panel"][aria-busy="false"] #protection-toggle:not(:checked)',
        )) !== null,
      'protection to be off',
    );
    const url = web.url(LISTED_DOMAIN, '/unprotected');
    const page = await open(ext, url);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe(`Hello from ${LISTED_DOMAIN}`);
  });
});

describe('threat list updates', () => {
  // The real account service (PGlite in memory), seeded with the bundled list as version 1. `.test` names are
  // reserved hosts that no feed import accepts, so the new threat is an ordinary name; the resolver rule
  // maps it to the local test site like every other name here.
  const FRESH = 'zz-fresh-threat-e2e.com';
  let app: App;
  let db: Database;
  let serviceUrl: string;
  let corrupting: Server;
  let corruptingUrl: string;

  beforeAll(async () => {
    db = await testDatabase();
    app = await buildApp(testConfig(), { db });
    serviceUrl = await app.listen();
    // What the operator's `threats import` does: version 2 adds one domain.
    const report = await createThreatsService({ db, now: () => new Date() }).importFeed([
      { text: `0.0.0.0 ${FRESH}\n`, format: 'hosts', name: 'E2E feed', threat: 'malware' },
    ]);
    expect(report).toMatchObject({ version: 2, published: true });

    // The corrupt case: a proxy in front of the real service that passes everything on but zeroes the hash
    // a delta announces, as a tampering middlebox or a broken cache would.
    corrupting = createServer((request, response) => {
      void (async () => {
        const upstream = await fetch(`${serviceUrl}${request.url ?? '/'}`);
        let text = await upstream.text();
        if (upstream.status === 200 && (request.url ?? '').startsWith('/api/v1/threats/delta'))
          text = JSON.stringify({ ...(JSON.parse(text) as object), sha256: '0'.repeat(64) });
        response.writeHead(upstream.status, { 'content-type': 'application/json' });
        response.end(text);
      })().catch(() => response.writeHead(502).end());
    });
    await new Promise<void>((resolve) => corrupting.listen(0, '127.0.0.1', resolve));
    corruptingUrl = `http://127.0.0.1:${(corrupting.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => corrupting.close(() => resolve()));
    await app.close();
    await db.close();
  });

  async function updateFrom(e: ExtensionBrowser, url: string) {
    const options = await e.openPage('options/index.html');
    await sendFromPage(options, { type: 'useTestService', url });
    return sendFromPage<{ ok: boolean; value?: { listVersion: number }; error?: { code: string } }>(options, {
      type: 'updateThreats',
    });
  }

  it('an update adds a domain that is blocked right after', async () => {
    ext = await launch();
    const before = await open(ext, web.url(FRESH, '/before'));
    expect(await before.$eval('h1', (h) => h.textContent)).toBe(`Hello from ${FRESH}`);
    expect(await updateFrom(ext, serviceUrl)).toMatchObject({ ok: true, value: { listVersion: 2 } });
    const url = web.url(FRESH, '/after');
    await expectWarning(await open(ext, url), url);
    expect(requestsTo(FRESH, '/after')).toBe(0);
  });

  /** Installs version 2 from the service, runs `meanwhile`, stops the worker: the version a new one enforces. */
  async function versionAfterWorkerStop(
    e: ExtensionBrowser,
    meanwhile: () => Promise<unknown> = async () => null,
  ) {
    expect(await updateFrom(e, serviceUrl)).toMatchObject({ ok: true, value: { listVersion: 2 } });
    await meanwhile();
    await e.stopServiceWorker();
    const options = await e.openPage('options/index.html');
    const status = await sendFromPage<{ ok: boolean; value?: { listVersion: number } }>(options, {
      type: 'getProtectionStatus',
    });
    return status.value?.listVersion;
  }

  it('a downloaded list is read back from IndexedDB, checked, and enforced after the worker stops', async () => {
    ext = await launch();
    // The new worker reads the list back; one that failed its schema or its hash would give the bundled v1.
    expect(await versionAfterWorkerStop(ext)).toBe(2);
    const url = web.url(FRESH, '/after-restart');
    await expectWarning(await open(ext, url), url);
    expect(requestsTo(FRESH, '/after-restart')).toBe(0);
  });

  it('a stored list changed behind its hash is not enforced after the worker stops: the bundled one is', async () => {
    const e = (ext = await launch());
    // Another version's bytes under the hash of this one, as a damaged or tampered record would be.
    const tamper = async () =>
      (await e.serviceWorker())?.evaluate(
        () =>
          new Promise<void>((resolve, reject) => {
            const opened = indexedDB.open('rampart-threats');
            opened.onerror = () => reject(new Error('open'));
            opened.onsuccess = () => {
              const change = opened.result.transaction('lists', 'readwrite');
              // Stored only once the transaction completes: the worker is stopped right after.
              change.oncomplete = () => resolve();
              change.onerror = () => reject(new Error('put'));
              const store = change.objectStore('lists');
              const read = store.get('current');
              read.onsuccess = () => {
                const record = read.result as { snapshot: { version: number } };
                record.snapshot.version = 3;
                store.put(record, 'current');
              };
            };
          }),
      );
    expect(await versionAfterWorkerStop(e, tamper)).toBe(1);
  });

  it('a corrupt update is refused and the old list still blocks', async () => {
    ext = await launch();
    expect(await updateFrom(ext, corruptingUrl)).toMatchObject({
      ok: false,
      error: { code: 'threatSnapshotHashMismatch' },
    });
    const url = web.url(LISTED_DOMAIN, '/still-blocked');
    await expectWarning(await open(ext, url), url);
    const fresh = await open(ext, web.url(FRESH, '/not-applied'));
    expect(await fresh.$eval('h1', (h) => h.textContent)).toBe(`Hello from ${FRESH}`);
  });
});
