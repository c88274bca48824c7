import { afterEach, describe, expect, it, vi } from 'vitest';
import { createThreatList } from '../../../../background/protection/threatList';
import { snapshotSha256, SNAPSHOT_FORMAT, type ThreatSnapshot } from '../../../../src/threats';
import { fakePlatform } from '../../../fakes/platform';

const downloaded: ThreatSnapshot = {
  format: SNAPSHOT_FORMAT,
  version: 7,
  createdAt: '2026-11-20T00:00:00.000Z',
  domains: ['evil.example'],
  urls: [],
  tags: { default: { threat: 'malware', list: 'test-list' }, overrides: {} },
};

/** A threat list on a platform whose IndexedDB holds `record` as it is. */
async function listReadingBack(record: unknown) {
  const fake = fakePlatform();
  fake.platform.threatLists.load = async () => structuredClone(record);
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  return { list: createThreatList(fake.platform), warn };
}

afterEach(() => vi.restoreAllMocks());

describe('the threat list read back from IndexedDB', () => {
  it('is used when it still has its shape and still hashes to the hash it was verified against', async () => {
    const record = { snapshot: downloaded, sha256: await snapshotSha256(downloaded), installedAt: 1 };
    const { list, warn } = await listReadingBack(record);
    const current = await list.downloaded();
    expect(current?.source).toBe('downloaded');
    expect(current?.list).toEqual(record);
    expect(current?.matcher.match('http://evil.example/')).not.toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('is absent, and reported, when its content no longer matches its hash: the bundled list is enforced', async () => {
    const sha256 = await snapshotSha256(downloaded);
    const damaged = { ...downloaded, domains: ['other.example'] };
    const { list, warn } = await listReadingBack({ snapshot: damaged, sha256, installedAt: 1 });
    expect(await list.downloaded()).toBeNull();
    const current = await list.get();
    expect(current.source).toBe('bundled');
    expect(current.matcher.match('http://other.example/')).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('indexedDB:rampart-threats/lists/current'));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`not ${sha256}`));
  });

  it.each([
    ['a record of another layout', { list: ['evil.example'] }],
    ['a snapshot that is not one', { snapshot: 'evil.example', sha256: 'ab'.repeat(32), installedAt: 1 }],
    [
      'a domain that is not a hostname',
      { snapshot: { ...downloaded, domains: ['not a host'] }, sha256: 'ab'.repeat(32), installedAt: 1 },
    ],
    ['a bare string', 'current'],
  ])('is absent, and reported, when it holds %s', async (_name, record) => {
    const { list, warn } = await listReadingBack(record);
    expect((await list.get()).source).toBe('bundled');
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toMatch(
      /indexedDB:rampart-threats\/lists\/current is not valid .*bundled list/,
    );
  });

  it('is simply absent, without a report, when nothing was ever downloaded', async () => {
    const { list, warn } = await listReadingBack(undefined);
    expect(await list.downloaded()).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });
});
