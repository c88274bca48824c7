// Screenshot tests: a page is drawn, compared pixel by pixel with the picture kept in the repository
// (test/e2e/screenshots/<name>.png), and fails when more than a small share of its pixels differ. What changes
// from run to run (ports, times, addresses) is masked by the caller, animations are stopped and the caret is
// hidden, so a difference means the screen changed.
//
// A new or intended change: `RAMPART_UPDATE_SCREENSHOTS=1 npm run test:e2e` writes the pictures again; look
// at them before committing. In CI (`CI` set) a missing picture is a failure, never written.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Page } from 'puppeteer-core';

export const SCREENSHOTS_DIR = resolve('test/e2e/screenshots');
const FAILED_DIR = resolve('.e2e-tmp/screenshots');

export interface ScreenshotOptions {
  /** Selectors of parts whose content changes between runs; painted over with one colour. */
  mask?: readonly string[];
  /** Share of pixels allowed to differ (anti-aliasing, font hinting): 1% unless said. */
  maxDiffRatio?: number;
}

const FREEZE_CSS = `*, *::before, *::after {
  animation: none !important; transition: none !important; caret-color: transparent !important;
}`;

/**
 * Stops motion and paints the masked parts, then waits for fonts, a steady size and two frames so the page is
 * still. The
 * rules go in a constructed style sheet: the portal's content security policy refuses a `<style>` element.
 */
async function steady(page: Page, mask: readonly string[]): Promise<void> {
  await page.evaluate(
    async (css, selectors) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(
        css +
          selectors
            .map((s) => `${s} { background: #9aa0a6 !important; color: transparent !important; }`)
            .join('\n') +
          `\n${selectors.map((s) => `${s} *`).join(', ') || '.never'} { visibility: hidden !important; }`,
      );
      (window as unknown as { screenshotSheet: CSSStyleSheet }).screenshotSheet = sheet;
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      (document.activeElement as HTMLElement | null)?.blur?.();
      await document.fonts.ready;
      // Pages draw in steps (the popup's account line and protection panel come after its status): wait
      // until the page's size has held for a while, so the picture is not cut at a height it had a moment ago.
      const size = () => `${document.documentElement.scrollWidth}x${document.documentElement.scrollHeight}`;
      for (let last = '', held = 0, waited = 0; held < 300 && waited < 5_000; waited += 50) {
        await new Promise((done) => setTimeout(done, 50));
        const now = size();
        held = now === last ? held + 50 : 0;
        last = now;
      }
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    },
    FREEZE_CSS,
    [...mask],
  );
}

async function unsteady(page: Page): Promise<void> {
  await page.evaluate(() => {
    const sheet = (window as unknown as { screenshotSheet?: CSSStyleSheet }).screenshotSheet;
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  });
}

/** Compares the page, as drawn now, with `test/e2e/screenshots/<name>.png`. */
export async function expectScreenshot(page: Page, name: string, options: ScreenshotOptions = {}) {
  await steady(page, options.mask ?? []);
  // The viewport grows to the whole page instead of Chromium drawing beyond it: drawn beyond the viewport, a
  // right-to-left portal page came out shifted sideways, cut at one edge.
  const actual = PNG.sync.read(
    Buffer.from(await page.screenshot({ type: 'png', fullPage: true, captureBeyondViewport: false })),
  );
  await unsteady(page);
  const baselinePath = resolve(SCREENSHOTS_DIR, `${name}.png`);
  const update = process.env.RAMPART_UPDATE_SCREENSHOTS === '1';
  const stored = update ? null : await readFile(baselinePath).catch(() => null);
  if (stored === null) {
    if (process.env.CI && !update)
      throw new Error(
        `No stored screenshot ${name}.png: run with RAMPART_UPDATE_SCREENSHOTS=1 and commit it`,
      );
    await mkdir(dirname(baselinePath), { recursive: true });
    await writeFile(baselinePath, PNG.sync.write(actual));
    return;
  }
  const expected = PNG.sync.read(stored);
  const failed = async (why: string, diff?: PNG) => {
    await mkdir(FAILED_DIR, { recursive: true });
    await writeFile(resolve(FAILED_DIR, `${name}.actual.png`), PNG.sync.write(actual));
    if (diff) await writeFile(resolve(FAILED_DIR, `${name}.diff.png`), PNG.sync.write(diff));
    throw new Error(`Screenshot ${name}: ${why} (actual and diff in ${FAILED_DIR})`);
  };
  if (expected.width !== actual.width || expected.height !== actual.height)
    return failed(`size ${actual.width}×${actual.height}, stored ${expected.width}×${expected.height}`);
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, {
    threshold: 0.1,
  });
  const ratio = differing / (actual.width * actual.height);
  const allowed = options.maxDiffRatio ?? 0.01;
  if (ratio > allowed)
    return failed(
      `${(ratio * 100).toFixed(2)}% of pixels differ, ${(allowed * 100).toFixed(2)}% allowed`,
      diff,
    );
}
