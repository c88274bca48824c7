// Threat list on the account service: feed import end to end (read, parse, validate, merge with the stored
// sources, build, hash, store in PGlite) and serving the snapshot and deltas over HTTP on loopback.
// Run: npx tsx bench/threatImport.ts (about a minute). THREAT_DATA_DIR overrides ../shared/data/threats.
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../server/app';
import { migrate, openPglite } from '../server/db';
import { SAMPLE_FEEDS } from '../server/services/threat-feeds';
import { createThreatsService, type FeedFile } from '../server/services/threats';
import { testConfig } from '../test/integration/server/helpers';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.THREAT_DATA_DIR ?? resolve(root, '../shared/data/threats');
const RUNS = 5;

const rows: { what: string; ms: number; note: string }[] = [];
const record = (what: string, ms: number, note = '') => rows.push({ what, ms, note });
const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? 0;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

const sampleFiles = (name: string): FeedFile[] =>
  SAMPLE_FEEDS.map(({ file, source }) => ({
    path: join(dataDir, file),
    format: source.format,
    name,
    threat: source.threat,
  }));

// Import: a fresh database each run, so every run seeds and publishes the same versions.
const seedMs: number[] = [];
const copyMs: number[] = [];
const sameMs: number[] = [];
const smallMs: number[] = [];
let notes = { copy: '', small: '' };
for (let run = 0; run < RUNS; run++) {
  const db = await openPglite(':memory:');
  await migrate(db);
  const threats = createThreatsService({ db, now: () => new Date() });
  seedMs.push((await timed(() => threats.latest())).ms);
  // The sample feeds under another list name: every entry is new to that source, so version 2 is published.
  const copy = await timed(() => threats.importFeed(sampleFiles('URLhaus copy')));
  copyMs.push(copy.ms);
  sameMs.push((await timed(() => threats.importFeed(sampleFiles('URLhaus copy')))).ms);
  const small = await timed(() =>
    threats.importFeed([{ text: '0.0.0.0 one-new-threat.com\n', format: 'hosts', name: 'Small' }]),
  );
  smallMs.push(small.ms);
  notes = {
    copy: `v${copy.result.version}: ${copy.result.domains} domains + ${copy.result.urls} URLs`,
    small: `v${small.result.version}`,
  };
  await db.close();
}
record('seed version 1 from the bundled snapshot (read, verify, store)', median(seedMs));
record('import the sample feeds as a new list (publishes a version)', median(copyMs), notes.copy);
record('re-import the same feeds (nothing published)', median(sameMs));
record('import a one-line hosts feed over 70k stored entries', median(smallMs), notes.small);

// Serving: one app, versions 1..3 published, requests over loopback.
const db = await openPglite(':memory:');
const app = await buildApp(testConfig({ requestsPerMinutePerIp: 1_000_000 }), { db });
const url = await app.listen();
const threats = createThreatsService({ db, now: () => new Date() });
await threats.importFeed(sampleFiles('URLhaus copy'));
await threats.importFeed([{ text: '0.0.0.0 one-new-threat.com\n', format: 'hosts', name: 'Small' }]);

async function serve(what: string, path: string) {
  const get = async () => {
    const response = await fetch(`${url}${path}`);
    const body = await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    return body.byteLength;
  };
  const cold = await timed(get);
  for (let i = 0; i < 5; i++) await get(); // warm the connection and the JIT, not the service's caches
  const warm: number[] = [];
  for (let i = 0; i < 20; i++) warm.push((await timed(get)).ms);
  const kb = cold.result < 10_240 ? `${cold.result} bytes` : `${(cold.result / 1024).toFixed(0)} KB`;
  record(`${what}, first request`, cold.ms, kb);
  record(`${what}, cached (median of 20)`, median(warm), kb);
}
await serve('GET /latest', '/api/v1/threats/latest');
await serve('GET /snapshot (v3)', '/api/v1/threats/snapshot');
await serve('GET /delta?since=2 (one domain)', '/api/v1/threats/delta?since=2');
await serve('GET /delta?since=1 (v1 to v3: new default tag + 1 domain)', '/api/v1/threats/delta?since=1');
await app.close();
await db.close();

console.log(`Threat list service (node ${process.version}, PGlite in memory, median of ${RUNS} imports)\n`);
const width = Math.max(...rows.map((row) => row.what.length));
console.log(`| ${'what'.padEnd(width)} |       ms | note`);
console.log(`| ${'-'.repeat(width)} | -------: | ----`);
for (const row of rows)
  console.log(
    `| ${row.what.padEnd(width)} | ${row.ms.toFixed(row.ms < 10 ? 2 : 0).padStart(8)} | ${row.note}`,
  );
