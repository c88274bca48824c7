// PAC benchmark: compile time and size for 1k / 100k / 500k site rules plus the bundled category data, and the
// per-lookup cost of the generated PAC against a naive PAC that tests rule after rule with dnsDomainIs /
// shExpMatch, as common proxy managers generate. Run: npm run bench:pac (about a minute).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { runInNewContext } from 'node:vm';
import { buildCategoryDb, type CategoryLists } from '../src/categories';
import { compilePac, type PacInput } from '../src/pac';
import { indexSiteRules } from '../src/rules';
import { categoryIds, defaultSettings, type SiteRule } from '../src/settings';

const SIZES = [1_000, 100_000, 500_000];
const FAST_LOOKUPS = 1_000_000;
const NAIVE_LOOKUPS = 2_000;
const NAIVE_BUDGET_MS = 5_000;

// Deterministic pseudo-random numbers (mulberry32), so every run measures the same rules and hosts.
let seed = 0x5eed;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const TLDS = ['com', 'net', 'org', 'ru', 'de', 'io', 'co.uk', 'com.br'];
const WORDS = ['shop', 'news', 'mail', 'bank', 'play', 'cloud', 'video', 'photo', 'travel', 'food'];

const makeRules = (count: number): SiteRule[] =>
  Array.from({ length: count }, (_, i) => {
    const host = `${pick(WORDS)}${i}.${pick(TLDS)}`;
    const r = random();
    const pattern = r < 0.7 ? host : r < 0.85 ? `=${host}` : `*.${host}`;
    return { pattern, action: pick(['always', 'never', 'ask'] as const) };
  });

const loadCategoryLists = (): CategoryLists => {
  const index = JSON.parse(readFileSync('extension/data/categories/index.json', 'utf8')) as {
    categories: Record<string, { file: string | null }>;
  };
  const lists: Record<string, string> = {};
  for (const id of categoryIds) {
    const file = index.categories[id]?.file;
    if (file) lists[id] = readFileSync(`extension/data/categories/${file}`, 'utf8');
  }
  return lists;
};

/** A mix of what a browser asks about: rule hosts, their subdomains, categorised sites, misses and IPs. */
const makeHosts = (rules: readonly SiteRule[], categoryDomains: readonly string[], count: number): string[] =>
  Array.from({ length: count }, () => {
    const r = random();
    const ruleHost = () => pick(rules).pattern.replace(/^=|^\*\./, '');
    if (r < 0.25) return ruleHost();
    if (r < 0.45) return `www.${ruleHost()}`;
    if (r < 0.65) return `img.${pick(categoryDomains)}`;
    if (r < 0.9) return `cdn${Math.floor(random() * 1e6)}.${pick(WORDS)}-unlisted.${pick(TLDS)}`;
    return pick(['8.8.8.8', '1.1.1.1', '192.168.1.10', '10.0.0.5', '2001:db8::1', '::1']);
  });

/** The kind of PAC proxy managers generate: every rule tested in turn, first match wins. */
const naivePac = (rules: readonly SiteRule[], categoryDomains: readonly string[]): string => {
  const list = rules.map((rule) => {
    const kind = rule.pattern.startsWith('=') ? 'e' : rule.pattern.startsWith('*.') ? 'w' : 'd';
    const host = rule.pattern.replace(/^=|^\*\./, '');
    return [kind, kind === 'w' ? `*.${host}` : host, rule.action === 'never' ? 0 : 1];
  });
  for (const domain of categoryDomains) list.push(['d', domain, 1]);
  return `
var RULES = ${JSON.stringify(list)};
var GW = "HTTPS gw.example:443; DIRECT";
// Chrome's own PAC helpers (net/proxy_resolution/pac_js_library.h).
function dnsDomainIs(host, domain) {
  return (host.length >= domain.length && host.substring(host.length - domain.length) == domain);
}
function shExpMatch(url, pattern) {
  pattern = pattern.replace(/\\./g, '\\\\.');
  pattern = pattern.replace(/\\*/g, '.*');
  pattern = pattern.replace(/\\?/g, '.');
  var newRe = new RegExp('^' + pattern + '$');
  return newRe.test(url);
}
function FindProxyForURL(url, host) {
  if (isPlainHostName(host) || shExpMatch(host, "*.local") || shExpMatch(host, "10.*") ||
      shExpMatch(host, "192.168.*") || shExpMatch(host, "127.*")) return "DIRECT";
  for (var i = 0; i < RULES.length; i++) {
    var r = RULES[i], hit;
    if (r[0] === 'e') hit = host == r[1];
    else if (r[0] === 'w') hit = shExpMatch(host, r[1]);
    else hit = host == r[1] || dnsDomainIs(host, '.' + r[1]);
    if (hit) return r[2] ? GW : "DIRECT";
  }
  return "DIRECT";
}
function isPlainHostName(host) { return host.indexOf('.') < 0 && host.indexOf(':') < 0; }`;
};

// The timing loop runs inside the sandbox so both PACs pay the same (no) cross-context call cost. The PAC is
// wrapped in a function scope: in a node:vm context every global read goes through a slow interceptor, which a
// browser's PAC context does not have, and it would dwarf the PAC's own work.
const LOOP = `
return function (hosts, start, n) {
  var out = 0;
  for (var i = start; i < start + n; i++) {
    var h = hosts[i % hosts.length];
    out += FindProxyForURL('https://' + h + '/', h).length;
  }
  return out;
};`;

type Bench = (hosts: readonly string[], start: number, n: number) => number;

const load = (pac: string) => {
  const [bench, loadMs] = time(() => runInNewContext(`(function () {\n${pac}\n${LOOP}\n})()`, {}) as Bench);
  return { bench, loadMs };
};

/** Nanoseconds per lookup over `n` lookups, or over as many as fit in `budgetMs`. */
const perLookup = (bench: Bench, hosts: readonly string[], n: number, budgetMs = Infinity) => {
  bench(hosts, 0, Number.isFinite(budgetMs) ? 3 : 2_000); // warm up the JIT
  const batch = Number.isFinite(budgetMs) ? 10 : n;
  const start = performance.now();
  const startCpu = cpuMs();
  let done = 0;
  while (done < n && performance.now() - start < budgetMs) {
    bench(hosts, done, Math.min(batch, n - done));
    done += Math.min(batch, n - done);
  }
  return { ns: ((cpuMs() - startCpu) * 1e6) / done, done };
};

/**
 * Process CPU time in milliseconds. The development machine is shared (load average often above 8 on 2 cores),
 * so wall time measures the neighbours as much as the code; CPU time of this single-threaded work does not.
 */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const time = <T>(fn: () => T): [T, number] => {
  const start = cpuMs();
  const value = fn();
  return [value, cpuMs() - start];
};

const formatNs = (ns: number): string => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${ns.toFixed(0)} ns`);

const benchStart = performance.now();
const [categories, categoryMs] = time(() => buildCategoryDb(loadCategoryLists()));
const categoryDomains = [...categories.domains.keys()];
const everyCategoryOn = Object.fromEntries(categoryIds.map((id) => [id, 'enable'])) as PacInput['categoryActions'];
const baseInput = {
  vpnEnabled: false,
  killSwitch: false,
  gateway: { scheme: 'HTTPS', host: 'gw.example', port: 443 },
  bypassHosts: ['my.rampart.example'],
  categories,
  askAnswers: {},
  now: Date.now(),
} as const;

console.log(`category data: ${categoryDomains.length} domains, database built in ${categoryMs.toFixed(0)} ms`);
console.log('all times are CPU time of this process; compile = parse and index the rules, then compile the PAC');
console.log('(median of 3 runs after a warm-up; 1 run at 500k); PAC load = evaluating the script in a fresh vm context\n');

// Warm up the compiler so the first size is not charged for JIT compilation.
compilePac({ ...baseInput, siteRules: indexSiteRules(makeRules(5_000)), categoryActions: everyCategoryOn });

const rows: string[][] = [];
for (const size of SIZES) {
  const rules = makeRules(size);
  const runs = size >= 500_000 ? 1 : 3;
  const rulesOnly: number[] = [];
  const withCategories: number[] = [];
  let pac = '';
  for (let i = 0; i < runs; i++) {
    rulesOnly.push(
      time(() =>
        compilePac({
          ...baseInput,
          siteRules: indexSiteRules(rules),
          categoryActions: defaultSettings.categoryActions,
        }),
      )[1],
    );
    const [compiled, ms] = time(() =>
      compilePac({ ...baseInput, siteRules: indexSiteRules(rules), categoryActions: everyCategoryOn }),
    );
    withCategories.push(ms);
    pac = compiled;
  }
  const hosts = makeHosts(rules, categoryDomains, 10_000);
  const fast = load(pac);
  const { ns: fastNs } = perLookup(fast.bench, hosts, FAST_LOOKUPS);
  const naive = load(naivePac(rules, categoryDomains));
  const { ns: naiveNs, done: naiveDone } = perLookup(naive.bench, hosts, NAIVE_LOOKUPS, NAIVE_BUDGET_MS);
  rows.push([
    size.toLocaleString('en'),
    `${median(rulesOnly).toFixed(0)} ms`,
    `${median(withCategories).toFixed(0)} ms`,
    `${(pac.length / 1e6).toFixed(1)} MB`,
    `${fast.loadMs.toFixed(0)} ms`,
    formatNs(fastNs),
    `${formatNs(naiveNs)} (${naiveDone.toLocaleString('en')})`,
    `${Math.round(naiveNs / fastNs).toLocaleString('en')}x`,
  ]);
}

const header = [
  'site rules',
  'compile (rules)',
  'compile (+categories)',
  'PAC size',
  'PAC load',
  'lookup (ours)',
  'lookup (naive, n)',
  'speed-up',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i] ?? 0)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 1) + ':').join('|')}|`);
for (const row of rows) console.log(line(row));
console.log(
  `\nours: ${FAST_LOOKUPS.toLocaleString('en')} lookups per size; naive: up to ${NAIVE_LOOKUPS.toLocaleString('en')} lookups or ${NAIVE_BUDGET_MS / 1000} s (n). ` +
    `+categories: all ${categoryDomains.length.toLocaleString('en')} category domains active. Total ${((performance.now() - benchStart) / 1000).toFixed(0)} s.`,
);
