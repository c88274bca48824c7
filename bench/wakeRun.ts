// Worker wake benchmark: how long `start()` of a woken background takes (language, routing and web protection
// restored) on the fake platform, when the hash of what is applied lets it skip the PAC and the threat rules,
// against the same wake with those records gone, which is what every wake did before (issue 18).
// Run: node bench/wake.mjs, which loads this file through Vite (about half a minute). Browser IPC is not in
// these figures: the fake platform answers at once, so in a browser the skipped proxy.settings.set and rule
// calls save more.
import { performance } from 'node:perf_hooks';
import { composeBackground } from '../background/compose';
import { removeStored } from '../background/storage/storedValues';
import { defaultSettings, type Settings } from '../src/settings';
import { stored } from '../src/storage';
import { fakePlatform } from '../test/fakes/platform';
import { selfHostedTestGateway } from '../test/fakes/startedBackground';

const WAKES = 9;

interface Scenario {
  name: string;
  settings: Partial<Settings>;
  /** The whole bundled threat list in dynamic rules (a Chrome build without the static ruleset). */
  dynamicRules: boolean;
}

const scenarios: Scenario[] = [
  {
    name: 'VPN on, no category, bundled list as static ruleset',
    settings: { ...selfHostedTestGateway, vpnEnabled: true },
    dynamicRules: false,
  },
  {
    name: 'VPN on, 4 categories, 19k dynamic threat rules',
    settings: {
      ...selfHostedTestGateway,
      vpnEnabled: true,
      categoryActions: {
        ...defaultSettings.categoryActions,
        banks: 'enable',
        shopping: 'never',
        gambling: 'enable',
        games: 'ask',
      },
      allowList: ['allowed.example'],
    },
    dynamicRules: true,
  },
];

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(scenario: Scenario) {
  const fake = fakePlatform();
  if (scenario.dynamicRules) fake.platform.dnr.hasBundledRuleset = false;
  await fake.platform.local.set('settings', { ...defaultSettings, ...scenario.settings });
  const wake = async (before?: () => Promise<void>) => {
    await before?.();
    const calls = { proxy: fake.applied.length, rules: fake.dnrUpdates.length };
    const started = performance.now();
    const background = composeBackground(fake.platform);
    await background.start();
    const ms = performance.now() - started;
    await background.vpn.checkConnection();
    return {
      ms,
      proxySets: fake.applied.length - calls.proxy,
      ruleUpdates: fake.dnrUpdates.length - calls.rules,
    };
  };
  const first = await wake();
  const pac = fake.applied.at(-1);
  const skipped: number[] = [];
  const full: number[] = [];
  let skippedCalls = 0;
  // Interleaved, so that the machine's load falls on both alike.
  for (let i = 0; i < WAKES; i++) {
    const s = await wake();
    skipped.push(s.ms);
    skippedCalls += s.proxySets + s.ruleUpdates;
    const f = await wake(async () => {
      await removeStored(fake.platform, stored.appliedRouting);
      await removeStored(fake.platform, stored.appliedRules);
    });
    full.push(f.ms);
  }
  return {
    first: first.ms,
    skipped: median(skipped),
    full: median(full),
    skippedCalls,
    pacBytes: pac?.mode === 'pac' ? pac.script.length : 0,
    rules: fake.dnrRules().length,
  };
}

console.log(`worker wake: start() on the fake platform, median of ${WAKES} wakes each way\n`);
console.log(
  '| scenario | PAC | dynamic rules | first start | wake, inputs unchanged (skip) | wake, no record (as before) |',
);
console.log('|---|---:|---:|---:|---:|---:|');
for (const scenario of scenarios) {
  const r = await measure(scenario);
  if (r.skippedCalls !== 0) throw new Error(`${scenario.name}: a skipping wake set the proxy or the rules`);
  console.log(
    `| ${scenario.name} | ${(r.pacBytes / 1e3).toFixed(0)} kB | ${r.rules} | ${r.first.toFixed(0)} ms | ` +
      `${r.skipped.toFixed(1)} ms | ${r.full.toFixed(1)} ms |`,
  );
}
