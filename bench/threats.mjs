// Threat-data benchmark: importing the sample feeds (parse + canonicalise + validate + de-duplicate), hashing
// and verifying a snapshot, computing and applying a delta, compiling DNR rules and matching navigations,
// for the 50k-domain sample and for 300k domains (the sample plus deterministic synthetic names).
// Run: npm run bench:threats (tsx lets this script import the TypeScript core; about half a minute).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  buildSnapshot,
  compileDnrRules,
  createMatcher,
  diffSnapshots,
  snapshotSha256,
  verifyDelta,
  verifySnapshot,
} from '../src/threats/index.ts';
import { mergeFeeds, parseFeed } from '../src/threats/feeds.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.THREAT_DATA_DIR ?? resolve(root, '../shared/data/threats');
const warningPageUrl = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/warning/index.html';
const RUNS = 5;
const LOOKUPS = 200_000;

// Deterministic pseudo-random numbers (mulberry32), so every run measures the same names.
let seed = 0x7412;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const TLDS = ['com', 'net', 'org', 'xyz', 'ru', 'top', 'info', 'com.br'];
const label = () => Math.floor(random() * 36 ** 8).toString(36);
const syntheticDomain = () => `${label()}-${label()}.${TLDS[Math.floor(random() * TLDS.length)]}`;

/** Median wall time of `runs` calls, in milliseconds; the last result is returned too. */
async function time(runs, fn) {
  const samples = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)], result };
}

const rows = [];
const record = (what, size, ms, note = '') =>
  rows.push({ what, size, ms: ms.toFixed(ms < 10 ? 2 : 0), note });

const feeds = [
  ['malicious-domains.txt', { name: 'URLhaus', format: 'domains', threat: 'malware' }],
  ['malicious-urls.txt', { name: 'URLhaus', format: 'urls', threat: 'malware' }],
].map(([file, source]) => ({ text: readFileSync(join(dataDir, file), 'utf8'), source }));
const createdAt = '2026-11-23T00:00:00.000Z';

const imported = await time(RUNS, () => {
  const merged = mergeFeeds(feeds.map(({ text, source }) => parseFeed(text, source)));
  return buildSnapshot(merged.entries, { version: 1, createdAt });
});
const sample = imported.result;
record(
  'import sample feeds (parse, canonicalise, validate, dedupe, build)',
  '50k domains + 20k URLs',
  imported.ms,
);

const synthetic = Array.from({ length: 250_000 }, () => ({
  kind: 'domain',
  value: syntheticDomain(),
  threat: 'malware',
  list: 'Synthetic',
}));
const sampleEntries = [
  ...sample.domains.map((value) => ({ kind: 'domain', value, threat: 'malware', list: 'URLhaus' })),
  ...sample.urls.map((value) => ({ kind: 'url', value, threat: 'malware', list: 'URLhaus' })),
];
const large = buildSnapshot([...sampleEntries, ...synthetic], { version: 1, createdAt });

for (const [name, snapshot] of [
  ['50k', sample],
  ['300k', large],
]) {
  const size = `${name} domains (${snapshot.domains.length} + ${snapshot.urls.length} URLs)`;
  const hashed = await time(RUNS, () => snapshotSha256(snapshot));
  record('snapshot SHA-256 (canonical serialisation + digest)', size, hashed.ms);
  const wire = JSON.parse(JSON.stringify(snapshot));
  const verified = await time(RUNS, () => verifySnapshot(wire, hashed.result));
  if (!verified.result.ok) throw new Error('bench snapshot failed to verify');
  record('verify snapshot (zod + hash)', size, verified.ms);

  // Next version: 1% of domains and URLs removed, as many new domains added.
  const drop = (items) => items.filter((_, index) => index % 100 !== 7);
  const added = Array.from({ length: Math.round(snapshot.domains.length / 100) }, syntheticDomain);
  const next = buildSnapshot(
    [
      ...drop(snapshot.domains).map((value) => ({
        kind: 'domain',
        value,
        threat: 'malware',
        list: 'URLhaus',
      })),
      ...added.map((value) => ({ kind: 'domain', value, threat: 'malware', list: 'URLhaus' })),
      ...drop(snapshot.urls).map((value) => ({ kind: 'url', value, threat: 'malware', list: 'URLhaus' })),
    ],
    { version: 2, createdAt },
  );
  const delta = await time(RUNS, () => diffSnapshots(snapshot, next));
  const changes =
    delta.result.addDomains.length + delta.result.removeDomains.length + delta.result.removeUrls.length;
  record('delta: diff two versions (+ hash of the new one)', size, delta.ms, `${changes} changes`);
  const applied = await time(RUNS, () => verifyDelta(snapshot, JSON.parse(JSON.stringify(delta.result))));
  if (!applied.result.ok) throw new Error('bench delta failed to verify');
  record('delta: validate, apply, verify hash', size, applied.ms);

  const compiled = await time(RUNS, () =>
    compileDnrRules(snapshot, { warningPageUrl, allowHosts: ['example.org'] }),
  );
  const bytes = JSON.stringify(compiled.result.rules).length;
  record(
    'compile DNR rules',
    size,
    compiled.ms,
    `${compiled.result.rules.length} rules, ${(bytes / 1024 / 1024).toFixed(1)} MB JSON, ${compiled.result.overflow.length} overflow`,
  );

  const built = await time(RUNS, () => createMatcher(snapshot));
  record('build matcher', size, built.ms);
  const urls = Array.from({ length: LOOKUPS }, (_, i) =>
    i % 4 === 0
      ? `https://www.${snapshot.domains[i % snapshot.domains.length]}/x`
      : `https://${syntheticDomain()}/a/b/c.html?q=${i}`,
  );
  const matched = await time(1, () =>
    urls.reduce((hits, url) => hits + (built.result.match(url) ? 1 : 0), 0),
  );
  record(
    'match navigations',
    size,
    matched.ms,
    `${((matched.ms * 1000) / LOOKUPS).toFixed(2)} µs per URL, ${matched.result} of ${LOOKUPS} hit`,
  );
}

const widths = ['what', 'size', 'ms', 'note'].map((key) =>
  Math.max(key.length, ...rows.map((row) => String(row[key]).length)),
);
const line = (cells) =>
  `| ${cells.map((cell, i) => (i === 2 ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]))).join(' | ')} |`;
console.log(`Threat data (node ${process.version}, median of ${RUNS} runs)\n`);
console.log(line(['what', 'size', 'ms', 'note']));
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const row of rows) console.log(line([row.what, row.size, row.ms, row.note]));
