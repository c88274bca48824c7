import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildSnapshot,
  CHROME_DNR_LIMITS,
  compileDnrRules,
  DNR_RESOURCE_TYPES,
  planRuleUpdate,
  snapshotSha256,
  urlFilterFor,
  verifySnapshotText,
  type ThreatEntry,
} from '../../../src/threats';

const warningPageUrl = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/warning/index.html';
const all = [...DNR_RESOURCE_TYPES];
const entry = (kind: ThreatEntry['kind'], value: string): ThreatEntry => ({
  kind,
  value,
  threat: 'malware',
  list: 'URLhaus',
});
const snapshot = buildSnapshot(
  [
    entry('domain', 'evil.example'),
    entry('domain', 'bad.example'),
    entry('url', 'github.com/bad/x.exe'),
    entry('url', '45.9.1.2/i'),
  ],
  { version: 1, createdAt: '2026-11-23T00:00:00Z' },
);

describe('compileDnrRules', () => {
  it('compiles domains into one redirect and one block rule, URLs into block rules, allowances into one allow rule', () => {
    const { rules, overflow } = compileDnrRules(snapshot, {
      warningPageUrl,
      allowHosts: ['ok.evil.example', 'bad.example', 'bad.example'],
    });
    expect(overflow).toEqual([]);
    expect(rules.slice(0, 3)).toEqual([
      {
        id: 1,
        priority: 2,
        action: { type: 'allow' },
        condition: { requestDomains: ['bad.example', 'ok.evil.example'], resourceTypes: all },
      },
      {
        id: 10,
        priority: 1,
        action: { type: 'redirect', redirect: { regexSubstitution: `${warningPageUrl}?url=\\0` } },
        condition: {
          regexFilter: '^.*$',
          requestDomains: ['bad.example', 'evil.example'],
          resourceTypes: ['main_frame'],
        },
      },
      {
        id: 11,
        priority: 1,
        action: { type: 'block' },
        condition: { requestDomains: ['bad.example', 'evil.example'], excludedResourceTypes: ['main_frame'] },
      },
    ]);
    expect(rules.slice(3).map(({ id: _, ...rule }) => rule)).toEqual([
      {
        priority: 1,
        action: { type: 'block' },
        condition: { urlFilter: '||45.9.1.2*/i^', requestDomains: ['45.9.1.2'], resourceTypes: all },
      },
      {
        priority: 1,
        action: { type: 'block' },
        condition: { urlFilter: '||github.com/bad/x.exe^', resourceTypes: all },
      },
    ]);
  });

  it('gives URL rules ids keyed by their entry, so unrelated changes keep them', () => {
    const ids = (urls: string[]) =>
      compileDnrRules(
        buildSnapshot(
          urls.map((url) => entry('url', url)),
          { version: 1, createdAt: '2026-11-23T00:00:00Z' },
        ),
        { warningPageUrl },
      ).rules.map((rule): [string | undefined, number] => [rule.condition.urlFilter, rule.id]);
    const before = new Map(ids(['a.example/1', 'b.example/2']));
    const after = new Map(ids(['a.example/1', 'aa.example/3', 'b.example/2']));
    expect(after.get('||a.example/1^')).toBe(before.get('||a.example/1^'));
    expect(after.get('||b.example/2^')).toBe(before.get('||b.example/2^'));
    expect(new Set(after.values()).size).toBe(3);
    for (const id of after.values()) expect(id).toBeGreaterThanOrEqual(1000);
  });

  it('omits the allow and domain rules when there is nothing to put in them', () => {
    const empty = buildSnapshot([], { version: 1, createdAt: '2026-11-23T00:00:00Z' });
    expect(compileDnrRules(empty, { warningPageUrl, allowHosts: [] }).rules).toEqual([]);
  });

  it('splits the domain list when asked and stays within the limits', () => {
    const { rules, overflow } = compileDnrRules(snapshot, {
      warningPageUrl,
      maxDomainsPerRule: 1,
      limits: { maxRules: 5, maxUnsafeRules: 5, maxRegexRules: 5 },
    });
    expect(rules.map((rule) => [rule.id, rule.action.type, rule.condition.requestDomains])).toEqual([
      [10, 'redirect', ['bad.example']],
      [11, 'block', ['bad.example']],
      [12, 'redirect', ['evil.example']],
      [13, 'block', ['evil.example']],
      [expect.any(Number), 'block', ['45.9.1.2']],
    ]);
    expect(overflow).toEqual(['github.com/bad/x.exe']);
  });
});

describe('urlFilterFor', () => {
  it.each([
    ['evil.example/', { urlFilter: '||evil.example/' }],
    ['evil.example/dir/', { urlFilter: '||evil.example/dir/' }],
    ['evil.example/file.exe', { urlFilter: '||evil.example/file.exe^' }],
    ['evil.example/dl?id=1&x=2', { urlFilter: '||evil.example/dl?id=1&x=2|' }],
    ['evil.example/a|b"c', { urlFilter: '||evil.example/a*b%22c^' }],
    ['1.2.3.4/bin.sh', { urlFilter: '||1.2.3.4*/bin.sh^', requestDomains: ['1.2.3.4'] }],
  ])('%s → %j', (expression, expected) => {
    expect(urlFilterFor(expression)).toEqual(expected);
  });
});

describe('planRuleUpdate', () => {
  it('removes, replaces and adds only what changed, whatever the key order of the old rules', () => {
    const { rules: current } = compileDnrRules(snapshot, { warningPageUrl });
    const next = compileDnrRules(
      buildSnapshot(
        [
          entry('domain', 'evil.example'),
          entry('domain', 'bad.example'),
          entry('url', 'github.com/bad/x.exe'),
          entry('url', 'new.example/p'),
        ],
        {
          version: 2,
          createdAt: '2026-11-23T00:00:00Z',
        },
      ),
      { warningPageUrl },
    ).rules;
    const reordered = current.map((rule) => ({
      condition: rule.condition,
      action: rule.action,
      priority: rule.priority,
      id: rule.id,
    }));
    const gone = current.find((rule) => rule.condition.urlFilter === '||45.9.1.2*/i^');
    const added = next.find((rule) => rule.condition.urlFilter === '||new.example/p^');
    expect(planRuleUpdate(reordered, next)).toEqual({ removeRuleIds: [gone?.id], addRules: [added] });
  });
});

describe('the bundled snapshot', () => {
  const text = readFileSync(
    new URL('../../../extension/data/threats/snapshot.json', import.meta.url),
    'utf8',
  );
  const hashFile = readFileSync(
    new URL('../../../extension/data/threats/snapshot.sha256', import.meta.url),
    'utf8',
  );
  const hash = hashFile.trim();

  it('verifies and compiles within Chrome’s limits', async () => {
    const verified = await verifySnapshotText(text, hashFile);
    if (!verified.ok) throw new Error(verified.error.code);
    expect(await snapshotSha256(verified.value)).toBe(hash);
    expect([verified.value.domains.length, verified.value.urls.length]).toEqual([49806, 19014]);
    const { rules, overflow } = compileDnrRules(verified.value, { warningPageUrl });
    expect(rules.length).toBe(2 + 19014);
    expect(overflow).toEqual([]);
    expect(rules.length).toBeLessThanOrEqual(CHROME_DNR_LIMITS.maxRules);
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
    expect(rules.filter((rule) => rule.action.type === 'redirect').length).toBe(1);
  });

  it('is refused when the file or its hash is damaged', async () => {
    const truncated = await verifySnapshotText(text.slice(0, -10), hashFile);
    expect(truncated.ok || truncated.error.code).toBe('threatSnapshotInvalid');
    const edited = await verifySnapshotText(text.replace('"0-day.us",\n', ''), hashFile);
    expect(edited.ok || edited.error.code).toBe('threatSnapshotHashMismatch');
  });
});
