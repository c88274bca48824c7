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
