import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';

export const DIST = resolve('dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags DESIGN.md lists for headless Chromium on this machine type. */
export const BASE_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  /** A profile folder to reuse across launches (for "survives a browser restart"). */
  userDataDir?: string;
  /** Extra flags, e.g. `--host-resolver-rules=MAP *.test 127.0.0.1`. */
  args?: string[];
  /** Another build of the extension to load instead of `dist/` (e.g. one with a re-dated bundled list). */
  extensionPath?: string;
}

export interface ExtensionBrowser {
  browser: Browser;
  extensionId: string;
  userDataDir: string;
  openPage(path: string): Promise<Page>;
  /** The extension's running service worker (null while its context is not attached yet). */
  serviceWorker(): Promise<WebWorker | null>;
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

/** Launches Chromium with the built extension loaded and waits for its service worker. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const ownsProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'rampart-e2e-')));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    pipe: true,
    enableExtensions: [options.extensionPath ?? DIST],
    userDataDir,
    args: [...BASE_FLAGS, ...(options.args ?? [])],
  });
  const worker = await browser.waitForTarget(
    (target) => target.type() === 'service_worker' && target.url().startsWith('chrome-extension://'),
    { timeout: 30_000 },
  );
  const extensionId = new URL(worker.url()).host;
  const serviceWorker = async () =>
    (
      await browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`),
      )
    ).worker();

  return {
    browser,
    extensionId,
    userDataDir,
    async openPage(path) {
      const page = await browser.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    serviceWorker,
    async stopServiceWorker() {
      const worker = await serviceWorker();
      if (!worker) throw new Error('The service worker target has no worker');
      // Chrome's guide to testing termination closes the worker this way; the next event starts a fresh one.
      await worker.close();
      await waitFor(
        () =>
          worker
            .evaluate(() => true)
            .then(
              () => false,
              () => true,
            ),
        'the service worker to stop',
      );
    },
    async close() {
      await browser.close();
      if (ownsProfile) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `condition` holds, instead of sleeping a fixed time. */
export async function waitFor(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function newProfileDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'rampart-profile-'));
}
