// How fast the popup is usable: from navigation start to the popup's first rendered status (the
// `rampart:first-status` performance mark), against a blank extension page (bench/blank, the same mark set by
// its only script) opened the same way in the same run, once with the service worker warm and once right after
// the worker was stopped (each page after a stop of its own, and each page after the same pause). Uses the
// built extension in dist/ (`npm run build` first; builds nothing itself).
// `npm run bench:popup [-- runs [language]]` prints medians and the ratios; budget: 1.3x warm, 2x after a worker
// stop. With a language ("ru"), it is chosen in the settings first (otherwise the browser's language is kept).
// It also prints when the popup answers input (`rampart:popup-ready`): its first frame shows the status, inert,
// until the popup's module has drawn the popup in its place (popup/publishedFrame.ts).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { LANGUAGE, MARK, PAGES, PAUSE_MS, pause, READY_MARK, reportBudget, RUNS } from './popupBudget.mjs';

const DIST = resolve('dist');
const SETTLE_MS = 3000;

if (!existsSync(join(DIST, 'bench/blank/index.html'))) {
  console.error('dist/ has no bench/blank page: run `npm run build` (a development build) first.');
  process.exit(1);
}

// The flags of the e2e harness (test/e2e/harness/browser.ts).
const profile = await mkdtemp(join(tmpdir(), 'rampart-bench-popup-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  pipe: true,
  enableExtensions: [DIST],
  userDataDir: profile,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

const isWorker = (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://');
const extensionId = new URL((await browser.waitForTarget(isWorker, { timeout: 30_000 })).url()).host;
const cdp = await browser.target().createCDPSession();

/** Opens an extension page in a window of its own (as the e2e harness opens the popup); ms to its mark. */
async function timeToMark(path) {
  const url = `chrome-extension://${extensionId}/${path}`;
  await cdp.send('Target.createTarget', { url, newWindow: true });
  const target = await browser.waitForTarget((t) => t.url() === url && t.type() === 'page');
  const page = await target.page();
  const ms = await page.waitForFunction(
    (mark) => performance.getEntriesByName(mark, 'mark')[0]?.startTime,
    { timeout: 30_000, polling: 'raf' },
    MARK,
  );
  const value = await ms.jsonValue();
  // The popup draws a first frame (inert) before it answers input: how long until it does is printed too.
  if (path === PAGES.popup) {
    const readyMark = await page.waitForFunction(
      (mark) => performance.getEntriesByName(mark, 'mark')[0]?.startTime,
      { timeout: 30_000, polling: 'raf' },
      READY_MARK,
    );
    readyTimes.push(await readyMark.jsonValue());
  }
  await page.close();
  return value;
}

async function stopWorker() {
  const target = await browser.waitForTarget(isWorker);
  const worker = await target.worker();
  // The worker may already be gone (its session closes with it): the loop below is what checks.
  await worker.close().catch(() => undefined);
  // Wait until the worker's context is really gone, as the harness does.
  for (let i = 0; i < 200; i++) {
    const alive = await worker
      .evaluate(() => true)
      .then(
        () => true,
        () => false,
      );
    if (!alive) return;
    await pause(25);
  }
  throw new Error('the service worker did not stop');
}

const times = { warm: { popup: [], blank: [] }, cold: { popup: [], blank: [] } };
/** When each popup opening answered input (`rampart:popup-ready`), from navigation start. */
const readyTimes = [];
const ready = { warm: [], cold: [] };

/**
 * Both pages are opened in the same conditions: after the same pause (the previous page's window has closed
 * and the browser has handled that), and "after a worker stop" each right after a stop of its own. With the
 * worker warm the order of the two pages alternates from run to run, so neither always comes first.
 */
async function measure(page, { afterStop }) {
  await pause(PAUSE_MS);
  // Stopped last, just before the page opens: an event of the closed window could otherwise wake it again.
  if (afterStop) await stopWorker();
  return timeToMark(PAGES[page]);
}

if (LANGUAGE !== undefined) {
  // Chosen in the settings from an extension page, as the options page does.
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${extensionId}/${PAGES.blank}`);
  const reply = await page.evaluate(
    (language) => globalThis.chrome.runtime.sendMessage({ type: 'updateSettings', patch: { language } }),
    LANGUAGE,
  );
  if (!reply?.ok) throw new Error(`the language ${LANGUAGE} was not set: ${JSON.stringify(reply)}`);
  await page.close();
}

// One unmeasured round each, so neither page pays for the first load of the browser's caches.
await timeToMark(PAGES.blank);
await timeToMark(PAGES.popup);
readyTimes.splice(0);
for (let run = 0; run < RUNS; run++) {
  const order = run % 2 === 0 ? ['blank', 'popup'] : ['popup', 'blank'];
  for (const page of order) times.warm[page].push(await measure(page, { afterStop: false }));
  ready.warm.push(...readyTimes.splice(0));
  // Each after a stop of its own; the popup last, so that the worker it woke is the one the next round meets.
  for (const page of ['blank', 'popup']) times.cold[page].push(await measure(page, { afterStop: true }));
  ready.cold.push(...readyTimes.splice(0));
  // A restarted worker goes on starting (routing, protection) after it answered: let it settle, or the next
  // "warm" round would measure its start-up again.
  await pause(SETTLE_MS);
}
await browser.close();
await rm(profile, { recursive: true, force: true });

const withinBudget = reportBudget('Chromium', times, ready, {
  warm: 'worker warm',
  cold: 'after a worker stop',
});
process.exit(withinBudget ? 0 : 2);
