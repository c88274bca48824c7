import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/db';
import { createThreatsService } from '../../../server/services/threats';
import { testDatabase } from '../server/database';
import { testConfig } from '../server/helpers';
import { bundled, cli } from './helpers';

// The operator's side: `npm run rampart -- threats ...` on an in-memory database.

/** The shared sample feeds beside the repository (the tests run from its root). */
const DATA = resolve('../shared/data/threats');
const config = testConfig();
let db: Database;

beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db.close());

describe('threats CLI', () => {
  it('imports the real sample feeds, prints the counts, and finds them already published', async () => {
    const { sha256 } = await bundled();
    const domains = await cli(
      ['threats', 'import', '--format', 'domains', '--name', 'URLhaus', `${DATA}/malicious-domains.txt`],
      config,
      db,
    );
    console.log(domains.out);
    expect(domains.code).toBe(0);
    expect(domains.out).toContain(
      'malicious-domains.txt (domains, URLhaus): 49806 accepted, 0 duplicates, rejected: popular-domain 174, unknown-tld 10, invalid-hostname 8, public-suffix 2',
    );
    // The bundled list was built from these very feeds: nothing new to publish.
    expect(domains.out).toContain(`Unchanged: version 1: 49806 domains, 19014 URLs, sha256 ${sha256}`);
    expect(domains.out).toMatch(/Took \d+ ms\./);

    const urls = await cli(
      ['threats', 'import', '--format', 'urls', '--name', 'URLhaus', `${DATA}/malicious-urls.txt`],
      config,
      db,
    );
    console.log(urls.out);
    expect(urls.out).toContain('malicious-urls.txt (urls, URLhaus): 19015 accepted, 985 duplicates');
    expect(urls.out).toContain('Unchanged: version 1');
  });

  it('publishes a new version for a new list and lists the versions', async () => {
    const file = join(tmpdir(), `rampart-threats-${process.pid}.txt`);
    await writeFile(file, 'https://bad-download.example-threat.com/payload.exe\n');
    const imported = await cli(
      ['threats', 'import', '--format', 'urls', '--name', 'Ops', '--threat', 'unwanted', file],
      config,
      db,
    );
    expect(imported.out).toMatch(/Published version 2: 49806 domains, 19015 URLs, sha256 [0-9a-f]{64}/);

    const listed = await cli(['threats', 'list'], config, db);
    expect(listed.out.split('\n')).toEqual([
      expect.stringMatching(/^v2 .* 49806 domains {2}19015 URLs {2}[0-9a-f]{64} {2}import$/),
      expect.stringMatching(/^v1 {2}2026-11-23T00:00:00.000Z .* bundled$/),
    ]);
  });

  it('refuses bad arguments with the usage', async () => {
    const bad = await cli(['threats', 'import', '--format', 'csv', '--name', 'X', 'f.txt'], config, db);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/Invalid arguments[\s\S]*format/);
    const noFile = await cli(['threats', 'import', '--format', 'hosts', '--name', 'X'], config, db);
    expect(noFile.err).toMatch(/at least one feed file/);
  });

  it('lists false-positive reports, newest first', async () => {
    expect((await cli(['threats', 'false-positives'], config, db)).out).toBe('No false-positive reports.');
    const threats = createThreatsService({ db, now: () => new Date() });
    await threats.reportFalsePositive({ url: 'https://shop.example-a.com/', listVersion: 1 }, '192.0.2.1');
    await threats.reportFalsePositive(
      { url: 'https://blog.example-b.com/post', listVersion: 2, comment: 'my blog' },
      '192.0.2.2',
    );
    const listed = await cli(['threats', 'false-positives'], config, db);
    expect(listed.out.split('\n')).toEqual([
      expect.stringMatching(/ v2 {2}192\.0\.2\.2 {2}"https:\/\/blog\.example-b\.com\/post" {2}"my blog"$/),
      expect.stringMatching(/ v1 {2}192\.0\.2\.1 {2}"https:\/\/shop\.example-a\.com\/"$/),
    ]);
  });

  it('keeps snapshots of recent versions only; a delta from a pruned one is not found', async () => {
    const threats = createThreatsService({ db, now: () => new Date(), keepSnapshots: 2 });
    for (const n of [1, 2]) {
      await threats.importFeed([{ text: `prune-test-${n}.com\n`, format: 'domains', name: 'Pruning' }]);
    }
    const versions = await threats.versions();
    expect(versions.map((v) => [v.version, v.kept])).toEqual([
      [4, true],
      [3, true],
      [2, false],
      [1, false],
    ]);
    await expect(threats.deltaSince(1)).rejects.toThrow(/No delta from version 1 is kept/);
    expect(JSON.parse((await threats.deltaSince(3)).body)).toMatchObject({ from: 3, to: 4 });
  });
});
