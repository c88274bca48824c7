import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import manifest from '../../../manifest.json' with { type: 'json' };
import { waitFor } from './browser';

export const DIST_FIREFOX = resolve('dist-firefox');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = manifest.browser_specific_settings.gecko.id;
/** Fixed with `extensions.webextensions.uuids`, so the extension's pages have a known address. */
const EXTENSION_UUID = '5b0c1f7e-3a2d-4c6b-9e8f-0a1b2c3d4e5f';

export interface FirefoxLaunchOptions {
  /** Names Firefox resolves to loopback (`network.dns.localDomains` takes exact names, no wildcards). */
  hosts?: string[];
  /** A profile folder to reuse across launches. */
  userDataDir?: string;
  /** Accept any certificate (the test gateway's is self-signed). */
  acceptInsecureCerts?: boolean;
  prefs?: Record<string, unknown>;
}

export interface FirefoxExtension {
  browser: Browser;
  /** moz-extension://<uuid>/ */
  origin: string;
  geckoId: string;
  /** Opens one of the extension's pages in a new tab (a new window: `window: true`) and waits for it. */
  openPage(path: string, options?: { window?: boolean }): Promise<Page>;
  /** Starts loading `url` in a tab without waiting (a blocked page never "loads"): poll for the outcome. */
  visit(url: string, page?: Page): Promise<Page>;
  close(): Promise<void>;
}

/** The prefs every run needs: quiet, no upgrades of the plain-HTTP test sites, the background's console on stdout. */
export const basePrefs = (hosts: string[]) => ({
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
  'network.dns.localDomains': hosts.join(','),
  'dom.security.https_first': false,
  'dom.security.https_first_pbm': false,
  'dom.security.https_only_mode': false,
  'network.proxy.allow_hijacking_localhost': true,
  'devtools.console.stdout.chrome': process.env.RAMPART_E2E_CONSOLE === '1',
  'devtools.console.stdout.content': process.env.RAMPART_E2E_CONSOLE === '1',
});

/** Navigates without waiting for BiDi to report the load (it may never, on a switch to an extension process). */
async function startNavigation(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: [], timeout: 10_000 }).catch(() => undefined);
}

/**
 * Launches Firefox ESR over WebDriver BiDi and installs the Firefox build as a temporary add-on (BiDi
 * `webExtension.install`, which waits for the install, unlike the `enableExtensions` launch option).
 */
export async function launchFirefoxWithExtension(
  options: FirefoxLaunchOptions = {},
): Promise<FirefoxExtension> {
  const ownsProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'rampart-firefox-')));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    dumpio: process.env.RAMPART_E2E_CONSOLE === '1',
    userDataDir,
    // Without it BiDi refuses to drive moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    acceptInsecureCerts: options.acceptInsecureCerts ?? false,
    extraPrefsFirefox: { ...basePrefs(options.hosts ?? []), ...options.prefs },
  });
  await browser.installExtension(DIST_FIREFOX);
  return firefoxExtension(browser, async () => {
    if (ownsProfile) await rm(userDataDir, { recursive: true, force: true });
  });
}

/** The extension's pages and site visits in a running Firefox that has the extension (however it got there). */
export function firefoxExtension(
  browser: Browser,
  afterClose: () => Promise<void> = async () => {},
): FirefoxExtension {
  const origin = `moz-extension://${EXTENSION_UUID}/`;

  return {
    browser,
    origin,
    geckoId: GECKO_ID,
    async openPage(path, { window = false } = {}) {
      const page = await browser.newPage(window ? { type: 'window' } : {});
      const url = `${origin}${path}`;
      await startNavigation(page, url);
      await waitFor(
        () =>
          page
            .evaluate(() => (document.readyState === 'complete' ? location.href : ''))
            .then(
              (href) => href.startsWith(url),
              () => false,
            ),
        `${path} to open`,
        30_000,
      );
      return page;
    },
    async visit(url, page) {
      const tab = page ?? (await browser.newPage());
      await startNavigation(tab, url);
      return tab;
    },
    async close() {
      await browser.close();
      await afterClose();
    },
  };
}

/**
 * Sends a typed message from an extension page. The event page may be starting or suspending, when Firefox
 * answers "Receiving end does not exist": ask again.
 */
export async function sendFromFirefoxPage<T = unknown>(page: Page, message: unknown): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      return (await page.evaluate((m) => browser.runtime.sendMessage(m), message)) as T;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw lastError;
}

/** The heading of whatever the tab shows now ('' while loading, on an error page or an extension page). */
export const headingOf = (page: Page): Promise<string> =>
  page.evaluate(() => document.querySelector('h1')?.textContent ?? '').catch(() => '');

/** Waits until the tab shows the site's page (its h1 reads `text`). */
export const waitForHeading = (page: Page, text: string, timeoutMs = 20_000) =>
  waitFor(async () => (await headingOf(page)) === text, `the page "${text}"`, timeoutMs);

/** Waits until the tab shows Firefox's network error page (a failed load). */
export const waitForNetError = (page: Page, timeoutMs = 20_000) =>
  waitFor(
    () => page.evaluate(() => document.documentURI.startsWith('about:neterror')).catch(() => false),
    'the network error page',
    timeoutMs,
  );
