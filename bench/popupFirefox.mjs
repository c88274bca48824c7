// The popup's speed budget in Firefox ESR: bench/popup.mjs's measure (navigation start to the popup's
// `rampart:first-status` mark, against the blank extension page's same mark, opened the same way in the same
// run), over WebDriver BiDi with the Firefox build in dist-firefox/ (`npm run build` first; builds nothing
// itself). Firefox runs the background as an event page, which it suspends when idle, not on request: the warm
// pages are measured in a browser with the default idle timeout (30 s), each page opened 0.5 s after the last;
// the pages "after a stop" in a second browser whose timeout is 1 s, each opened once the background has
// suspended (an open extension page sees no background page then, as test/e2e/firefox/vpn.e2e.ts checks).
// `npm run bench:popup:firefox [-- runs [language]]`; budget 1.3x warm, 2x after a stop, as in Chromium.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import manifest from '../manifest.json' with { type: 'json' };
import { LANGUAGE, MARK, PAGES, PAUSE_MS, pause, READY_MARK, reportBudget, RUNS } from './popupBudget.mjs';

const DIST = resolve('dist-firefox');
// The e2e harness's fixed address for the extension (test/e2e/harness/firefox.ts).
const UUID = '5b0c1f7e-3a2d-4c6b-9e8f-0a1b2c3d4e5f';
const ORIGIN = `moz-extension://${UUID}/`;

if (!existsSync(join(DIST, 'bench/blank/index.html'))) {
  console.error('dist-firefox/ has no bench/blank page: run `npm run build` (a development build) first.');
  process.exit(1);
}

async function launch(idleTimeoutMs) {
  const profile = await mkdtemp(join(tmpdir(), 'rampart-bench-popup-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({
        [manifest.browser_specific_settings.gecko.id]: UUID,
      }),
      'extensions.background.idle.timeout': idleTimeoutMs,
    },
  });
  await browser.installExtension(DIST);
  // A page kept open beside the measured ones: it sets the language and watches the background.
  const watcher = await open(browser, PAGES.blank);
  return {
    browser,
    watcher,
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Polls `read` in `page` until it gives a value (a page switching process refuses to evaluate for a moment). */
async function poll(page, read, arg, what) {
  for (let i = 0; i < 3000; i++) {
    const value = await page.evaluate(read, arg).catch(() => undefined);
    if (value !== undefined && value !== null) return value;
    await pause(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const markTime = (mark) => performance.getEntriesByName(mark, 'mark')[0]?.startTime;

/** Opens an extension page in a window of its own without waiting for BiDi's load event (see the harness). */
async function open(browser, path) {
  const page = await browser.newPage({ type: 'window' });
  await page.goto(`${ORIGIN}${path}`, { waitUntil: [], timeout: 10_000 }).catch(() => undefined);
  return page;
}

/** Opens `path` and gives ms from navigation start to its first-status mark (and the popup's ready mark). */
async function timeToMark(browser, path) {
  const page = await open(browser, path);
  const first = await poll(page, markTime, MARK, `${path}'s first status`);
  const ready =
    path === PAGES.popup ? await poll(page, markTime, READY_MARK, 'the popup to answer input') : null;
  await page.close();
  return { first, ready };
}

const backgroundSuspended = (watcher) =>
  poll(
    watcher,
    () => (globalThis.browser.extension.getBackgroundPage() === null ? true : null),
    undefined,
    'the background to suspend',
  );

async function chooseLanguage(watcher, language) {
  const reply = await poll(
    watcher,
    (patch) => globalThis.browser.runtime.sendMessage({ type: 'updateSettings', patch }).catch(() => null),
    { language },
    'the background to take the language',
  );
  if (!reply.ok) throw new Error(`the language ${language} was not set: ${JSON.stringify(reply)}`);
}

const times = { warm: { popup: [], blank: [] }, cold: { popup: [], blank: [] } };
const ready = { warm: [], cold: [] };

async function measurePhase(phase) {
  const session = await launch(phase === 'warm' ? 30_000 : 1_000);
  try {
    if (LANGUAGE !== undefined) await chooseLanguage(session.watcher, LANGUAGE);
    // One unmeasured round each, so neither page pays for the first load of the browser's caches.
    await timeToMark(session.browser, PAGES.blank);
    await timeToMark(session.browser, PAGES.popup);
    for (let run = 0; run < RUNS; run++) {
      const order = run % 2 === 0 ? ['blank', 'popup'] : ['popup', 'blank'];
      for (const page of order) {
        await pause(PAUSE_MS);
        if (phase === 'cold') await backgroundSuspended(session.watcher);
        const { first, ready: readyAt } = await timeToMark(session.browser, PAGES[page]);
        times[phase][page].push(first);
        if (readyAt !== null) ready[phase].push(readyAt);
      }
    }
  } finally {
    await session.close();
  }
}

await measurePhase('warm');
await measurePhase('cold');

const withinBudget = reportBudget('Firefox ESR', times, ready, {
  warm: 'background warm',
  cold: 'after a background suspend',
});
process.exit(withinBudget ? 0 : 2);
