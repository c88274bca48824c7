import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyDelta,
  buildSnapshot,
  canonicalSerialisation,
  diffSnapshots,
  snapshotSha256,
  tagOf,
  verifyDelta,
  verifySnapshot,
  type ThreatEntry,
  type ThreatSnapshot,
} from '../../../src/threats';

const createdAt = '2026-11-23T09:00:00.000Z';
const entry = (
  kind: ThreatEntry['kind'],
  value: string,
  list = 'URLhaus',
  threat: ThreatEntry['threat'] = 'malware',
): ThreatEntry => ({
  kind,
  value,
  threat,
  list,
});

const sample = buildSnapshot(
  [
    entry('domain', 'b-evil.example'),
    entry('domain', 'a-evil.example'),
    entry('url', 'host.example/x.exe', 'Phish list', 'phishing'),
    entry('url', 'sub.a-evil.example/covered'),
    entry('domain', 'a-evil.example', 'Other list'),
    entry('url', '1.2.3.4/bin.sh'),
  ],
  { version: 7, createdAt },
);

describe('buildSnapshot', () => {
  it('sorts, de-duplicates, drops URLs under listed domains and tags the exceptions', () => {
    expect(sample).toEqual({
      format: 1,
      version: 7,
      createdAt,
      domains: ['a-evil.example', 'b-evil.example'],
      urls: ['1.2.3.4/bin.sh', 'host.example/x.exe'],
      tags: {
        default: { threat: 'malware', list: 'URLhaus' },
        overrides: { 'host.example/x.exe': { threat: 'phishing', list: 'Phish list' } },
      },
    });
    expect(tagOf(sample, 'a-evil.example')).toEqual({ threat: 'malware', list: 'URLhaus' });
    expect(tagOf(sample, 'host.example/x.exe')).toEqual({ threat: 'phishing', list: 'Phish list' });
  });
});

describe('snapshotSha256', () => {
  it('hashes a fixed canonical serialisation (servers must produce the same bytes)', async () => {
    expect(canonicalSerialisation(sample)).toBe(
      '[1,7,"2026-11-23T09:00:00.000Z",["a-evil.example","b-evil.example"],["1.2.3.4/bin.sh","host.example/x.exe"],' +
        '["malware","URLhaus"],[["host.example/x.exe","phishing","Phish list"]]]',
    );
    expect(await snapshotSha256(sample)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on key order', async () => {
    const reordered = Object.fromEntries(Object.entries(sample).reverse()) as unknown as ThreatSnapshot;
    expect(Object.keys(reordered)[0]).toBe('tags');
    expect(await snapshotSha256(reordered)).toBe(await snapshotSha256(sample));
  });
});

describe('verifySnapshot', () => {
  it('accepts a snapshot that parses and hashes as announced', async () => {
    const hash = await snapshotSha256(sample);
    expect(await verifySnapshot(JSON.parse(JSON.stringify(sample)), hash.toUpperCase())).toEqual({
      ok: true,
      value: sample,
    });
  });

  it.each([
    ['not an object', 'nonsense'],
    ['an unsorted domain list', { ...sample, domains: ['b-evil.example', 'a-evil.example'] }],
    ['a duplicate URL', { ...sample, urls: ['1.2.3.4/bin.sh', '1.2.3.4/bin.sh'] }],
    ['an IP address as a domain', { ...sample, domains: ['1.2.3.4'] }],
    ['a URL with whitespace', { ...sample, urls: ['host.example/a b'] }],
    [
      'an unknown threat type',
      { ...sample, tags: { ...sample.tags, default: { threat: 'spam', list: 'x' } } },
    ],
    ['a version of zero', { ...sample, version: 0 }],
    [
      'a tag for an unlisted entry',
      { ...sample, tags: { ...sample.tags, overrides: { 'gone.example': { threat: 'scam', list: 'x' } } } },
    ],
  ])('refuses %s', async (_, data) => {
    const result = await verifySnapshot(data, await snapshotSha256(sample));
    expect(result.ok || result.error.code).toBe('threatSnapshotInvalid');
  });

  it('refuses a snapshot whose hash does not match', async () => {
    const tampered = { ...sample, domains: ['a-evil.example'] };
    const result = await verifySnapshot(tampered, await snapshotSha256(sample));
    expect(result.ok || result.error.code).toBe('threatSnapshotHashMismatch');
  });
});

describe('deltas', () => {
  const next = buildSnapshot(
    [
      entry('domain', 'b-evil.example'),
      entry('domain', 'c-evil.example', 'Phish list', 'phishing'),
      entry('url', '1.2.3.4/bin.sh'),
    ],
    { version: 8, createdAt: '2026-11-24T09:00:00.000Z' },
  );

  it('describes exactly what changed', async () => {
    expect(await diffSnapshots(sample, next)).toEqual({
      format: 1,
      from: 7,
      to: 8,
      createdAt: '2026-11-24T09:00:00.000Z',
      addDomains: ['c-evil.example'],
      removeDomains: ['a-evil.example'],
      addUrls: [],
      removeUrls: ['host.example/x.exe'],
      tags: {
        default: { threat: 'malware', list: 'URLhaus' },
        set: { 'c-evil.example': { threat: 'phishing', list: 'Phish list' } },
        unset: ['host.example/x.exe'],
      },
      sha256: await snapshotSha256(next),
    });
  });

  it('verifies and applies a delta', async () => {
    const delta = JSON.parse(JSON.stringify(await diffSnapshots(sample, next))) as unknown;
    expect(await verifyDelta(sample, delta)).toEqual({ ok: true, value: next });
  });

  it('refuses a delta for another version', async () => {
    const delta = await diffSnapshots(sample, next);
    const result = await verifyDelta({ ...sample, version: 6 }, delta);
    expect(result.ok || result.error.code).toBe('threatDeltaMismatch');
  });

  it('refuses a delta that does not fit the list', async () => {
    const delta = await diffSnapshots(sample, next);
    expect(applyDelta({ ...sample, domains: ['b-evil.example'] }, delta)).toMatchObject({
      ok: false,
      error: { code: 'threatDeltaMismatch' },
    });
  });

  it('refuses a tampered delta by its hash', async () => {
    const delta = {
      ...(await diffSnapshots(sample, next)),
      addDomains: ['c-evil.example', 'd-evil.example'],
    };
    const result = await verifyDelta(sample, delta);
    expect(result.ok || result.error.code).toBe('threatSnapshotHashMismatch');
  });

  it('refuses a malformed delta', async () => {
    const delta = { ...(await diffSnapshots(sample, next)), to: 7 };
    const result = await verifyDelta(sample, delta);
    expect(result.ok || result.error.code).toBe('threatDeltaInvalid');
  });

  it('turns any snapshot into any other', async () => {
    const label = fc.stringMatching(/^[a-z]{1,3}$/);
    const entries = fc.array(
      fc.record({
        kind: fc.constantFrom<'domain' | 'url'>('domain', 'url'),
        value: fc.tuple(label, label, fc.constantFrom('com', 'net')).map((parts) => parts.join('.')),
        threat: fc.constantFrom<ThreatEntry['threat']>('malware', 'phishing'),
        list: fc.constantFrom('A', 'B'),
      }),
      { maxLength: 40 },
    );
    const toEntries = (raw: ThreatEntry[]): ThreatEntry[] =>
      raw.map((item) => (item.kind === 'url' ? { ...item, value: `${item.value}/p` } : item));
    await fc.assert(
      fc.asyncProperty(entries, entries, async (a, b) => {
        const from = buildSnapshot(toEntries(a), { version: 1, createdAt });
        const to = buildSnapshot(toEntries(b), { version: 2, createdAt });
        expect(await verifyDelta(from, await diffSnapshots(from, to))).toEqual({ ok: true, value: to });
      }),
      { numRuns: 200 },
    );
  });
});
