// The options page's site-rule list with 5,000 rules in real Chromium: time to open `#site-rules` until the
// first page of rules is on screen, time from a keystroke in the search box to the filtered list, and from
// "Next" to the next page. Each figure is the median of several runs (times to the next painted frame).
// Loopback only, about 30 s. Run: npx tsx bench/optionsRules.ts (after npm run build).
import { launchWithExtension } from '../test/e2e/harness/browser';
import { sendFromPage } from '../test/e2e/harness/extensionPages';

const RULES = 5000;
const RUNS = 9;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main() {
  const ext = await launchWithExtension();
  try {
    const setup = await ext.openPage('options/index.html');
    await setup.waitForSelector('#kill-switch');
    const siteRules = Array.from({ length: RULES }, (_, i) => ({
      pattern: `bench-${i.toString(36)}-${((i * 7919) % 100_000).toString(36)}.example`,
      action: (['always', 'never', 'ask'] as const)[i % 3]!,
    }));
    const saved = await sendFromPage<{ ok: boolean }>(setup, {
      type: 'updateSettings',
      patch: { siteRules },
    });
    if (!saved.ok) throw new Error('could not store the rules');
    await setup.close();

    const open: number[] = [];
    const search: number[] = [];
    const next: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await ext.browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      const started = Date.now();
      await page.goto(`chrome-extension://${ext.extensionId}/options/index.html#site-rules`);
      await page.waitForSelector('[data-testid="rule-list"] li');
      open.push(Date.now() - started);
      const count = await page.$eval('[data-testid="rule-count"]', (el) => el.textContent);
      if (count !== `1–50 of ${RULES.toLocaleString('en')}`) throw new Error(`unexpected count: ${count}`);

      search.push(
        await page.evaluate(async () => {
          const input = document.querySelector<HTMLInputElement>('#rule-search')!;
          const t0 = performance.now();
          input.value = 'bench-1';
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
          return performance.now() - t0;
        }),
      );
      const filtered = await page.$eval('[data-testid="rule-count"]', (el) => el.textContent ?? '');
      if (!/^1–50 of /.test(filtered)) throw new Error(`search did not filter: ${filtered}`);

      next.push(
        await page.evaluate(async () => {
          const button = document.querySelector<HTMLButtonElement>('[data-testid="rule-page-next"]')!;
          const t0 = performance.now();
          button.click();
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
          return performance.now() - t0;
        }),
      );
      const second = await page.$eval('[data-testid="rule-count"]', (el) => el.textContent ?? '');
      if (!/^51–100 of /.test(second)) throw new Error(`Next did not page: ${second}`);
      await page.close();
    }
    console.log(`options page, ${RULES} site rules, median of ${RUNS}:`);
    console.log(`  open #site-rules until the first 50 rules show: ${ms(median(open))}`);
    console.log(`  keystroke in the search box to the filtered list painted: ${ms(median(search))}`);
    console.log(`  "Next" to the next page painted: ${ms(median(next))}`);
  } finally {
    await ext.close();
  }
}

void main();
