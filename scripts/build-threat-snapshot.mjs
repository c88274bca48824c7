// `npm run build:threats`: imports the sample threat feeds (shared/data/threats, see its SOURCE.md) into the
// snapshot bundled with the extension, so protection works before the first update. Run with tsx, which
// lets this script import the TypeScript core that the extension and the server use.
//
//   npx tsx scripts/build-threat-snapshot.mjs [--data DIR] [--version N] [--created-at ISO]
//
// The output is reproducible: the same feeds, version and date give the same bytes and hash.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildSnapshot, snapshotSha256 } from '../src/threats/index.ts';
import { describeReasons, countReasons, parseFeeds, SAMPLE_FEEDS } from '../server/services/threat-feeds.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(root, '../shared/data/threats') },
    version: { type: 'string', default: '1' },
    'created-at': { type: 'string', default: '2026-11-23T00:00:00.000Z' },
  },
});

// The same feeds and parsing as the account service's import (server/services/threat-feeds.ts).
const { parsed, merged } = parseFeeds(
  SAMPLE_FEEDS.map(({ file, source }) => ({ text: readFileSync(join(values.data, file), 'utf8'), source })),
);
for (const [index, { result }] of parsed.entries()) {
  console.log(
    `${SAMPLE_FEEDS[index].file}: ${result.entries.length} entries, ${result.duplicates} duplicates, rejected: ${describeReasons(countReasons(result.rejected))}`,
  );
}

const snapshot = buildSnapshot(merged.entries, {
  version: Number(values.version),
  createdAt: values['created-at'],
});
const coveredUrls = merged.entries.filter((entry) => entry.kind === 'url').length - snapshot.urls.length;
const sha256 = await snapshotSha256(snapshot);

// One entry per line keeps git diffs of the committed file readable.
const list = (items) => `[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]`;
const text =
  `{"format":${snapshot.format},"version":${snapshot.version},"createdAt":${JSON.stringify(snapshot.createdAt)},\n` +
  `"tags":${JSON.stringify(snapshot.tags)},\n"domains":${list(snapshot.domains)},\n"urls":${list(snapshot.urls)}}\n`;

const out = join(root, 'extension/data/threats');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'snapshot.json'), text);
writeFileSync(join(out, 'snapshot.sha256'), `${sha256}\n`);
console.log(
  `snapshot v${snapshot.version}: ${snapshot.domains.length} domains, ${snapshot.urls.length} URLs ` +
    `(${coveredUrls} URLs under listed domains left out), ${(text.length / 1024 / 1024).toFixed(2)} MB, sha256 ${sha256}`,
);
