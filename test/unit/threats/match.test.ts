import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSnapshot, createMatcher, type ThreatEntry } from '../../../src/threats';

const entries: ThreatEntry[] = [
  { kind: 'domain', value: 'evil.example', threat: 'malware', list: 'URLhaus' },
  { kind: 'domain', value: 'phish.evil.example', threat: 'phishing', list: 'Phish list' },
  { kind: 'url', value: 'github.com/bad/repo/raw/main/x.exe', threat: 'malware', list: 'URLhaus' },
  { kind: 'url', value: 'drive.google.com/uc?id=abc', threat: 'malware', list: 'URLhaus' },
  { kind: 'url', value: 'files.example/dir/', threat: 'unwanted', list: 'PUA' },
  { kind: 'url', value: '45.9.1.2/i', threat: 'malware', list: 'URLhaus' },
];
const matcher = createMatcher(buildSnapshot(entries, { version: 1, createdAt: '2026-11-23T00:00:00Z' }));

describe('createMatcher', () => {
  it.each([
    ['http://evil.example/', { kind: 'domain', entry: 'evil.example', threat: 'malware', list: 'URLhaus' }],
    [
      'https://WWW.Evil.Example.:8443/any/path?q#f',
      { kind: 'domain', entry: 'evil.example', threat: 'malware', list: 'URLhaus' },
    ],
    [
      'https://a.phish.evil.example/login',
      { kind: 'domain', entry: 'phish.evil.example', threat: 'phishing', list: 'Phish list' },
    ],
    [
      'https://github.com/bad/repo/raw/main/x.exe',
      { kind: 'url', entry: 'github.com/bad/repo/raw/main/x.exe', threat: 'malware', list: 'URLhaus' },
    ],
    [
      'https://github.com/bad/repo/raw/main/x.exe?download=1',
      { kind: 'url', entry: 'github.com/bad/repo/raw/main/x.exe', threat: 'malware', list: 'URLhaus' },
    ],
    [
      'https://github.com/bad/repo/raw/main/%78.exe',
      { kind: 'url', entry: 'github.com/bad/repo/raw/main/x.exe', threat: 'malware', list: 'URLhaus' },
    ],
    [
      'https://drive.google.com/uc?id=abc',
      { kind: 'url', entry: 'drive.google.com/uc?id=abc', threat: 'malware', list: 'URLhaus' },
    ],
    [
      'http://cdn.files.example/dir/sub/file.zip',
      { kind: 'url', entry: 'files.example/dir/', threat: 'unwanted', list: 'PUA' },
    ],
    ['http://45.9.1.2:37698/i', { kind: 'url', entry: '45.9.1.2/i', threat: 'malware', list: 'URLhaus' }],
    ['http://755564802:80/i', { kind: 'url', entry: '45.9.1.2/i', threat: 'malware', list: 'URLhaus' }],
  ])('blocks %s', (url, expected) => {
    expect(matcher.match(url)).toEqual(expected);
  });

  it.each([
    'https://notevil.example/',
    'https://evil.example.com/',
    'https://github.com/',
    'https://github.com/bad/repo',
    'https://github.com/bad/repo/raw/main/x.exe.txt',
    'https://drive.google.com/uc?id=abcd',
    'https://drive.google.com/uc',
    'http://files.example/dir',
    'http://45.9.1.2/i/other',
    'not a url',
    '',
  ])('lets %s through', (url) => {
    expect(matcher.match(url)).toBeNull();
  });
});

describe('createMatcher on any list', () => {
  it('blocks every listed entry when visited, over http or https, with or without www', () => {
    const label = fc.stringMatching(/^[a-z0-9]{1,6}$/);
    const host = fc
      .tuple(label, fc.constantFrom('com', 'net', 'example'))
      .map(([name, tld]) => `${name}.${tld}`);
    const path = fc.array(label, { maxLength: 5 }).map((parts) => `/${parts.join('/')}`);
    const generated = fc.array(
      fc.oneof(
        host.map((value): ThreatEntry => ({ kind: 'domain', value, threat: 'malware', list: 'A' })),
        fc
          .tuple(host, path)
          .map(([h, p]): ThreatEntry => ({ kind: 'url', value: h + p, threat: 'phishing', list: 'B' })),
      ),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(generated, fc.constantFrom('http://', 'https://www.'), (list, prefix) => {
        const snapshot = buildSnapshot(list, { version: 1, createdAt: '2026-11-23T00:00:00Z' });
        const listed = createMatcher(snapshot);
        for (const value of [...snapshot.domains, ...snapshot.urls])
          expect(listed.match(prefix + value)).not.toBeNull();
      }),
    );
  });
});
