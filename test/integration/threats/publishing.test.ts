import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThreatsService, type ThreatsService } from '../../../server/services/threats';
import { threatsLatestResponse } from '../../../src/api/threats';
import { verifyDelta, verifySnapshot, type ThreatSnapshot } from '../../../src/threats';
import { Client, startServer, type TestServer } from '../server/helpers';
import { bundled } from './helpers';

// The list as the extension sees it: seeded from the bundled snapshot, then grown by imports.

const HOSTS = [
  '# a small hosts file',
  '0.0.0.0 fresh-malware-site.com',
  '127.0.0.1 second-bad-site.net www.second-bad-site.net',
  '0.0.0.0 google.com', // popular: never blocked whole
  '0.0.0.0 localhost',
  '10.0.0.1 real-mapping.com', // not a sink address: a real mapping, not a block
  '0.0.0.0 fresh-malware-site.com',
].join('\n');

const URLS = [
  'http://phishy-login-page.xyz/account/verify?id=1',
  'https://github.com/evil-user/payloads/raw/main/dropper.exe',
  'https://github.com/', // the root of a popular site
  'ftp://files.bad-site.org/x',
].join('\n');

let server: TestServer;
let client: Client;
let threats: ThreatsService;
let v1: { snapshot: ThreatSnapshot; sha256: string };

beforeAll(async () => {
  server = await startServer();
  client = new Client(server.url);
  // A second service on the same database, as the CLI in another process would be.
  threats = createThreatsService({ db: server.db, now: server.clock.now });
  v1 = await bundled();
});
afterAll(() => server.close());

async function latest() {
  const reply = await client.get('/api/v1/threats/latest');
  expect(reply.status).toBe(200);
  return threatsLatestResponse.parse(reply.body);
}

describe('the published threat list', () => {
  it('starts as the bundled snapshot: version 1 with the same hash', async () => {
    const reply = await client.get('/api/v1/threats/latest');
    expect(reply.headers.get('cache-control')).toBe('public, max-age=60');
    expect(reply.body).toEqual({ version: 1, sha256: v1.sha256, createdAt: v1.snapshot.createdAt });

    const snapshot = await client.get('/api/v1/threats/snapshot');
    expect(snapshot.status).toBe(200);
    expect(snapshot.body.sha256).toBe(v1.sha256);
    const verified = await verifySnapshot(snapshot.body.snapshot, snapshot.body.sha256);
    expect(verified.ok && verified.value).toEqual(v1.snapshot);
  });

  it('has no delta from the latest version', async () => {
    const reply = await client.get('/api/v1/threats/delta?since=1');
    expect(reply.status).toBe(404);
    expect(reply.body.error.message).toMatch(/latest/);
  });

  it('importing a hosts file and a URL list publishes version 2, refusing a popular domain', async () => {
    const report = await threats.importFeed([
      { text: HOSTS, format: 'hosts', name: 'Test hosts', threat: 'malware' },
      { text: URLS, format: 'urls', name: 'Test URLs', threat: 'phishing' },
    ]);
    expect(report).toMatchObject({ version: 2, published: true });
    expect(report.files).toEqual([
      {
        name: 'Test hosts',
        format: 'hosts',
        accepted: 3,
        duplicates: 1,
        rejected: { 'popular-domain': 1, 'reserved-host': 1, malformed: 1 },
      },
      {
        name: 'Test URLs',
        format: 'urls',
        accepted: 2,
        duplicates: 0,
        rejected: { 'popular-host-root': 1, 'unsupported-scheme': 1 },
      },
    ]);
    expect(await latest()).toMatchObject({ version: 2, sha256: report.sha256 });
  });

  it('answers a delta from version 1 that verifies against the bundled list and gives the latest hash', async () => {
    const { sha256 } = await latest();
    const reply = await client.get('/api/v1/threats/delta?since=1');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('public, max-age=60');
    expect(reply.body).toMatchObject({
      from: 1,
      to: 2,
      sha256,
      addDomains: ['fresh-malware-site.com', 'second-bad-site.net', 'www.second-bad-site.net'],
      removeDomains: [],
      addUrls: [
        'github.com/evil-user/payloads/raw/main/dropper.exe',
        'phishy-login-page.xyz/account/verify?id=1',
      ],
    });
    const applied = await verifyDelta(v1.snapshot, reply.body);
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    expect(applied.value.domains).not.toContain('google.com');
    expect(applied.value.tags.overrides['fresh-malware-site.com']).toEqual({
      threat: 'malware',
      list: 'Test hosts',
    });

    const again = await client.get('/api/v1/threats/delta?since=1', {
      'if-none-match': reply.headers.get('etag') ?? '',
    });
    expect(again.status).toBe(304);
  });

  it('serves the version 2 snapshot, which verifies with its hash', async () => {
    const { sha256 } = await latest();
    const reply = await client.get('/api/v1/threats/snapshot');
    expect(reply.body.sha256).toBe(sha256);
    const verified = await verifySnapshot(reply.body.snapshot, sha256);
    expect(verified.ok && verified.value.version).toBe(2);
    expect(verified.ok && verified.value.domains.length).toBe(v1.snapshot.domains.length + 3);
  });

  it('re-importing the same feeds publishes nothing', async () => {
    const report = await threats.importFeed([
      { text: HOSTS, format: 'hosts', name: 'Test hosts', threat: 'malware' },
      { text: URLS, format: 'urls', name: 'Test URLs', threat: 'phishing' },
    ]);
    expect(report).toMatchObject({ version: 2, published: false });
    expect((await latest()).version).toBe(2);
  });

  it("a new import of a list replaces that list's entries only; deltas from every kept version verify", async () => {
    const report = await threats.importFeed([
      { text: '0.0.0.0 fresh-malware-site.com\n', format: 'hosts', name: 'Test hosts', threat: 'malware' },
    ]);
    expect(report).toMatchObject({ version: 3, published: true });
    const v2 = await verifyDelta(v1.snapshot, (await client.get('/api/v1/threats/delta?since=1')).body);
    expect(v2.ok && v2.value.version).toBe(3);
    if (!v2.ok) return;
    expect(v2.value.domains).not.toContain('second-bad-site.net');
    expect(v2.value.urls).toContain('phishy-login-page.xyz/account/verify?id=1');
    expect(v2.value.domains.length).toBe(v1.snapshot.domains.length + 1);

    const delta = (await client.get('/api/v1/threats/delta?since=2')).body;
    expect(delta).toMatchObject({
      from: 2,
      to: 3,
      removeDomains: ['second-bad-site.net', 'www.second-bad-site.net'],
      addDomains: [],
    });
  });

  it('keeps the list when a feed yields no valid entry', async () => {
    await expect(
      threats.importFeed([{ text: '0.0.0.0 google.com\n', format: 'hosts', name: 'Test hosts' }]),
    ).rejects.toThrow(/No valid entries/);
    expect((await latest()).version).toBe(3);
  });
});

describe('bad requests', () => {
  it.each([
    ['since=abc', 400, /since: must be a list version/],
    ['since=-1', 400, /since: must be a list version/],
    ['since=1.5', 400, /since/],
    ['', 400, /since/],
    ['since=99', 404, /no version 99/i],
    ['since=0', 404, /No delta from version 0/],
    [`since=${'9'.repeat(40)}`, 400, /since/],
  ])('/delta?%s answers %i with a message', async (query, status, message) => {
    const reply = await client.get(`/api/v1/threats/delta?${query}`);
    expect(reply.status).toBe(status);
    expect(reply.body.error.message).toMatch(message);
  });
});

describe('false-positive reports', () => {
  const post = (body: unknown) => client.post('/api/v1/threats/false-positives', body);

  it('are stored with the reporting address', async () => {
    const reply = await post({
      url: 'https://fresh-malware-site.com/page',
      listVersion: 3,
      comment: 'my site',
    });
    expect(reply.status).toBe(202);
    expect(await threats.falsePositives(1)).toMatchObject([
      { url: 'https://fresh-malware-site.com/page', listVersion: 3, comment: 'my site', ip: '127.0.0.1' },
    ]);
  });

  it.each([
    ['missing url', { listVersion: 1 }, 400, /url/],
    ['a url that is not http', { url: 'javascript:alert(1)', listVersion: 1 }, 400, /http/],
    ['an unknown field', { url: 'https://a.com/', listVersion: 1, extra: 1 }, 400, /extra/],
    ['a negative version', { url: 'https://a.com/', listVersion: -1 }, 400, /listVersion/],
    ['a huge comment', { url: 'https://a.com/', listVersion: 1, comment: 'x'.repeat(3000) }, 400, /comment/],
    [
      'a body over the size limit',
      { url: `https://a.com/${'x'.repeat(100_000)}`, listVersion: 1 },
      413,
      /large/,
    ],
    ['malformed JSON', '{"url":', 400, /JSON/],
  ])('refuse %s with a message', async (_what, body, status, message) => {
    const reply = await post(body);
    expect(reply.status).toBe(status);
    expect(reply.body.error.message).toMatch(message);
  });

  it('are limited per address', async () => {
    let status = 202;
    let sent = 1; // the stored report above
    while (status === 202 && sent < 100) {
      status = (await post({ url: `https://a.com/${sent}`, listVersion: 3 })).status;
      sent++;
    }
    expect(status).toBe(429);
    expect(sent).toBe(21);
  });
});
