import { describe, expect, it } from 'vitest';
import { mergeFeeds, parseFeed, popularIndex, type FeedSource } from '../../../src/threats/feeds';

const source = (format: FeedSource['format']): FeedSource => ({
  name: 'Test list',
  format,
  threat: 'malware',
});
const popular = popularIndex(['github.com', 'raw.githubusercontent.com', 'google.com', 'drive.google.com']);

describe('parseFeed: URLhaus CSV', () => {
  const csv = [
    '################################################################',
    '# abuse.ch URLhaus Database Dump (CSV)                          #',
    '# id,dateadded,url,url_status,last_online,threat,tags,urlhaus_link,reporter',
    '"3001","2025-01-01 10:00:00","http://Evil.Example.com:8080/a/../payload.exe","online","2025-01-02 00:00:00","malware_download","exe,Emotet","https://urlhaus.abuse.ch/url/3001/","anon"',
    '"3002","2025-01-01 10:00:01","https://raw.githubusercontent.com/u/r/main/x.sh","offline","","malware_download","sh","https://urlhaus.abuse.ch/url/3002/","anon"',
    '"3003","2025-01-01 10:00:02","http://45.9.1.2:443/i","online","","phishing","","https://urlhaus.abuse.ch/url/3003/","a ""quoted"" reporter"',
    '"3004","2025-01-01 10:00:03","http://evil.example.com/payload.exe","online","","malware_download","","x","y"',
    '"3005","2025-01-01 10:00:04","http://192.168.1.1/setup.cgi","online","","malware_download","","x","y"',
    '"3006","2025-01-01 10:00:05","https://github.com/","online","","malware_download","","x","y"',
    '"3007","broken',
    '',
  ].join('\r\n');

  it('yields canonical URL entries, rejects with reasons and counts duplicates', () => {
    expect(parseFeed(csv, source('urlhaus-csv'), { popular })).toEqual({
      entries: [
        { kind: 'url', value: 'evil.example.com/payload.exe', threat: 'malware', list: 'Test list' },
        {
          kind: 'url',
          value: 'raw.githubusercontent.com/u/r/main/x.sh',
          threat: 'malware',
          list: 'Test list',
        },
        { kind: 'url', value: '45.9.1.2/i', threat: 'phishing', list: 'Test list' },
      ],
      rejected: [
        { line: 8, text: 'http://192.168.1.1/setup.cgi', reason: 'reserved-host' },
        { line: 9, text: 'https://github.com/', reason: 'popular-host-root' },
        { line: 10, text: '"3007","broken', reason: 'malformed' },
      ],
      duplicates: 1,
    });
  });
});

describe('parseFeed: hosts files', () => {
  it('reads sink addresses, several names per line and trailing comments', () => {
    const hosts = [
      '# a hosts file',
      '127.0.0.1 localhost',
      '::1 ip6-localhost',
      '0.0.0.0 bad.example.net worse.example.net # both',
      '0.0.0.0\tBAD.example.net',
      '10.0.0.1 router.example.net',
      '0.0.0.0 github.com',
      '0.0.0.0 1.2.3.4',
      '0.0.0.0',
    ].join('\n');
    expect(parseFeed(hosts, source('hosts'), { popular })).toEqual({
      entries: [
        { kind: 'domain', value: 'bad.example.net', threat: 'malware', list: 'Test list' },
        { kind: 'domain', value: 'worse.example.net', threat: 'malware', list: 'Test list' },
      ],
      rejected: [
        { line: 2, text: 'localhost', reason: 'reserved-host' },
        { line: 3, text: 'ip6-localhost', reason: 'reserved-host' },
        { line: 6, text: '10.0.0.1 router.example.net', reason: 'malformed' },
        { line: 7, text: 'github.com', reason: 'popular-domain' },
        { line: 8, text: '1.2.3.4', reason: 'ip-address' },
        { line: 9, text: '0.0.0.0', reason: 'malformed' },
      ],
      duplicates: 1,
    });
  });
});

describe('parseFeed: domain lists', () => {
  it.each([
    ['evil.example.com', 'evil.example.com'],
    ['*.Evil.Example.com.', 'evil.example.com'],
    ['evil..example.com # note', 'evil.example.com'],
    ['xn--80ak6aa92e.com', 'xn--80ak6aa92e.com'],
    ['пример.рф', 'xn--e1afmkfd.xn--p1ai'],
    ['sub_domain.evil.com', 'sub_domain.evil.com'],
    ['evil.bucket.s3.amazonaws.com', 'evil.bucket.s3.amazonaws.com'],
    ['someone.github.io', 'someone.github.io'],
  ])('accepts %j as %j', (line, value) => {
    expect(parseFeed(line, source('domains'), { popular }).entries).toEqual([
      { kind: 'domain', value, threat: 'malware', list: 'Test list' },
    ]);
  });

  it.each([
    ['1.2.3.4', 'ip-address'],
    ['3279880203', 'ip-address'],
    ['localhost', 'reserved-host'],
    ['printer.local', 'reserved-host'],
    ['db.internal', 'reserved-host'],
    ['com', 'invalid-hostname'],
    ['co.uk', 'public-suffix'],
    ['github.io', 'public-suffix'],
    ['evil.example.coza', 'unknown-tld'],
    ['-bad-.example.com', 'invalid-hostname'],
    ['a.b.123', 'invalid-hostname'],
    ['evil.com/path', 'not-a-domain'],
    ['http://evil.com', 'not-a-domain'],
    ['google.com', 'popular-domain'],
    ['docs.google.com', 'popular-domain'],
    ['githubusercontent.com', 'public-suffix'],
    ['x.raw.githubusercontent.com', 'popular-domain'],
  ])('rejects %j as %s', (line, reason) => {
    expect(parseFeed(line, source('domains'), { popular })).toEqual({
      entries: [],
      rejected: [{ line: 1, text: line, reason }],
      duplicates: 0,
    });
  });
});

describe('parseFeed: URL lists', () => {
  it('keeps URLs on popular hosts at URL level and refuses whole-site ones', () => {
    const urls = [
      'https://github.com/evil/repo/releases/download/v1/x.exe',
      'https://drive.google.com/uc?id=abc&export=download',
      'https://drive.google.com/',
      'http://github.com/?',
      'ftp://evil.example.com/x',
      'not a url at all/',
      'https://evil.example.com/',
    ].join('\n');
    const result = parseFeed(urls, source('urls'), { popular });
    expect(result.entries.map((entry) => entry.value)).toEqual([
      'github.com/evil/repo/releases/download/v1/x.exe',
      'drive.google.com/uc?id=abc&export=download',
      'evil.example.com/',
    ]);
    expect(result.rejected.map((line) => [line.line, line.reason])).toEqual([
      [3, 'popular-host-root'],
      [4, 'popular-host-root'],
      [5, 'unsupported-scheme'],
      [6, 'invalid-hostname'],
    ]);
  });
});

describe('mergeFeeds', () => {
  it('keeps the first feed’s entry and counts the rest as duplicates', () => {
    const first = parseFeed('evil.example.com\n', { name: 'First', format: 'domains', threat: 'phishing' });
    const second = parseFeed('0.0.0.0 evil.example.com\n0.0.0.0 other.example.com', {
      name: 'Second',
      format: 'hosts',
      threat: 'malware',
    });
    expect(mergeFeeds([first, second])).toEqual({
      entries: [
        { kind: 'domain', value: 'evil.example.com', threat: 'phishing', list: 'First' },
        { kind: 'domain', value: 'other.example.com', threat: 'malware', list: 'Second' },
      ],
      rejected: [],
      duplicates: 1,
    });
  });
});
