// Web protection in real Chromium: time to install 50k / 300k listed domains as dynamic DNR rules, the
// extension's memory afterwards, and page-load time of a clean page with protection on versus off.
// Loopback only; bounded (~1 minute). Run: npm run bench:protection (after npm run build).
import { execFileSync } from 'node:child_process';
import { compileDnrRules, type ThreatSnapshot } from '../src/threats';
import { launchWithExtension } from '../test/e2e/harness/browser';
import { startWebServer } from '../test/e2e/harness/webServer';

const LOADS = 40;

function syntheticSnapshot(count: number): ThreatSnapshot {
  const domains = Array.from(
    { length: count },
    (_, i) => `bench-${i.toString(36)}-${(i * 7919).toString(36)}.example`,
  ).sort();
  return {
    format: 1,
    version: 1,
    createdAt: new Date().toISOString(),
    domains,
    urls: [],
    tags: { default: { threat: 'malware', list: 'bench' }, overrides: {} },
  };
}

/** Resident memory of Chromium's extension process (where the service worker runs), in MiB. */
function extensionProcessRssMiB(): number | null {
  const out = execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8' });
  const line = out.split('\n').find((l) => l.includes('--extension-process'));
  return line ? Math.round(Number(line.trim().split(/\s+/)[0]) / 1024) : null;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function main() {
  const web = await startWebServer(
    (host) =>
      `<!doctype html><title>${host}</title><h1>Clean</h1>${Array.from({ length: 10 }, (_, i) => `<img src="/img${i}.png">`).join('')}<script src="/app.js"></script>`,
  );
  const ext = await launchWithExtension({ args: ['--host-resolver-rules=MAP * 127.0.0.1'] });
  const workerTarget = await ext.browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().includes(ext.extensionId),
  );
  const worker = (await workerTarget.worker())!;
  const session = await workerTarget.createCDPSession();
  const options = await ext.openPage('options/index.html');
  await options.waitForSelector('#kill-switch');

  console.log('\nDNR install (dynamic rules, one redirect + one block rule carrying all domains)');
  console.log('domains  | rules | install ms | worker JS heap MiB | extension process RSS MiB');
  for (const count of [50_000, 300_000]) {
    const { rules } = compileDnrRules(syntheticSnapshot(count), {
      warningPageUrl: `chrome-extension://${ext.extensionId}/warning/index.html`,
    });
    const ms = await worker.evaluate(async (added) => {
      const old = (await chrome.declarativeNetRequest.getDynamicRules()).map((r) => r.id);
      const start = performance.now();
      await chrome.declarativeNetRequest.updateDynamicRules({
        removeRuleIds: old,
        addRules: added as chrome.declarativeNetRequest.Rule[],
      });
      return performance.now() - start;
    }, rules);
    const heap = (await session.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
    console.log(
      `${String(count).padEnd(8)} | ${String(rules.length).padEnd(5)} | ${ms.toFixed(0).padStart(10)} | ${heap.toFixed(1).padStart(18)} | ${String(extensionProcessRssMiB() ?? 'n/a').padStart(25)}`,
    );
  }
  await worker.evaluate(async () => {
    const old = (await chrome.declarativeNetRequest.getDynamicRules()).map((r) => r.id);
    await chrome.declarativeNetRequest.updateDynamicRules({ removeRuleIds: old, addRules: [] });
  });

  const pageLoads = async (): Promise<number> => {
    const page = await ext.browser.newPage();
    const times: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      await page.goto(web.url('clean-page.test', `/?n=${i}`), { waitUntil: 'load' });
      times.push(
        await page.evaluate(() => {
          const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
          return nav ? nav.loadEventEnd - nav.startTime : NaN;
        }),
      );
    }
    await page.close();
    return median(times.slice(5));
  };
  const setProtection = (enabled: boolean) =>
    options.evaluate(
      (on) => chrome.runtime.sendMessage({ type: 'setProtectionEnabled', enabled: on }),
      enabled,
    );

  await setProtection(true);
  const on1 = await pageLoads();
  await setProtection(false);
  const off1 = await pageLoads();
  await setProtection(true);
  const on2 = await pageLoads();
  await setProtection(false);
  const off2 = await pageLoads();
  const on = (on1 + on2) / 2;
  const off = (off1 + off2) / 2;
  console.log(
    `\nClean page load (11 sub-resources, median of ${LOADS - 5} loads, two rounds each), bundled list enforced:`,
  );
  console.log(
    `protection on: ${on.toFixed(1)} ms   off: ${off.toFixed(1)} ms   difference: ${(((on - off) / off) * 100).toFixed(1)}%`,
  );

  await ext.close();
  await web.close();
}

await main();
