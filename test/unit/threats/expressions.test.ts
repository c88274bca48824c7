import { describe, expect, it } from 'vitest';
import {
  canonicalize,
  hostSuffixes,
  lookupExpressions,
  pathPrefixes,
  urlExpression,
} from '../../../src/threats';

const expressionsOf = (url: string): string[] => {
  const canonical = canonicalize(url);
  if (!canonical.ok) throw new Error(url);
  return lookupExpressions(canonical.value);
};

describe('lookupExpressions', () => {
  // The examples from Safe Browsing's "Suffix/Prefix Expressions" section.
  it.each([
    [
      'http://a.b.c/1/2.html?param=1',
      [
        'a.b.c/1/2.html?param=1',
        'a.b.c/1/2.html',
        'a.b.c/',
        'a.b.c/1/',
        'b.c/1/2.html?param=1',
        'b.c/1/2.html',
        'b.c/',
        'b.c/1/',
      ],
    ],
    [
      'http://a.b.c.d.e.f.g/1.html',
      [
        'a.b.c.d.e.f.g/1.html',
        'a.b.c.d.e.f.g/',
        'c.d.e.f.g/1.html',
        'c.d.e.f.g/',
        'd.e.f.g/1.html',
        'd.e.f.g/',
        'e.f.g/1.html',
        'e.f.g/',
        'f.g/1.html',
        'f.g/',
      ],
    ],
    ['http://1.2.3.4/1/', ['1.2.3.4/1/', '1.2.3.4/']],
    ['http://a.b/?', ['a.b/']],
    ['http://b/', ['b/']],
    [
      'http://[2001:470:1:18::114]/a/b',
      ['[2001:470:1:18::114]/a/b', '[2001:470:1:18::114]/', '[2001:470:1:18::114]/a/'],
    ],
  ])('for %s', (url, expected) => {
    expect([...expressionsOf(url)].sort()).toEqual([...expected].sort());
  });

  it('puts the most specific expression first', () => {
    expect(expressionsOf('http://x.evil.com/a/b?q')[0]).toBe('x.evil.com/a/b?q');
  });
});

describe('hostSuffixes', () => {
  it.each([
    ['www.google.com', ['www.google.com', 'google.com']],
    ['a.b.c.com', ['a.b.c.com', 'b.c.com', 'c.com']],
    [
      'a.b.c.d.e.f.kita.tokyo.jp',
      ['a.b.c.d.e.f.kita.tokyo.jp', 'e.f.kita.tokyo.jp', 'f.kita.tokyo.jp', 'kita.tokyo.jp', 'tokyo.jp'],
    ],
    ['195.127.0.11', ['195.127.0.11']],
    ['localhost', ['localhost']],
  ])('for %s', (host, expected) => {
    expect(hostSuffixes(host)).toEqual(expected);
  });
});

describe('pathPrefixes', () => {
  it.each([
    ['/a/b/c.html', null, ['/a/b/c.html', '/', '/a/', '/a/b/']],
    ['/', null, ['/']],
    ['/', '', ['/']],
    ['/a/b/c/d/e.html', '123', ['/a/b/c/d/e.html?123', '/a/b/c/d/e.html', '/', '/a/', '/a/b/', '/a/b/c/']],
    ['/1/2/3/4/5/', null, ['/1/2/3/4/5/', '/', '/1/', '/1/2/', '/1/2/3/']],
  ] as const)('for %s ? %s', (path, query, expected) => {
    expect(pathPrefixes(path, query)).toEqual(expected);
  });
});

describe('urlExpression', () => {
  it.each([
    ['https://Evil.com:8443/x/?a=1#f', 'evil.com/x/?a=1'],
    ['http://evil.com/q?', 'evil.com/q'],
    ['http://evil.com', 'evil.com/'],
  ])('names %s as %s', (url, expected) => {
    const canonical = canonicalize(url);
    expect(canonical.ok && urlExpression(canonical.value)).toBe(expected);
  });
});
