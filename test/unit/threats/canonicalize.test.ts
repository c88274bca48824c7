import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../../src/threats';

const href = (input: string): string | null => {
  const result = canonicalize(input);
  return result.ok ? result.value.href : null;
};

// The examples from Safe Browsing's "URLs and Hashing" (Update API v4) document, in its order.
const official: [string, string][] = [
  ['http://host/%25%32%35', 'http://host/%25'],
  ['http://host/%25%32%35%25%32%35', 'http://host/%25%25'],
  ['http://host/%2525252525252525', 'http://host/%25'],
  ['http://host/asdf%25%32%35asd', 'http://host/asdf%25asd'],
  ['http://host/%%%25%32%35asd%%', 'http://host/%25%25%25asd%25%25'],
  ['http://www.google.com/', 'http://www.google.com/'],
  [
    'http://%31%36%38%2e%31%38%38%2e%39%39%2e%32%36/%2E%73%65%63%75%72%65/%77%77%77%2E%65%62%61%79%2E%63%6F%6D/',
    'http://168.188.99.26/.secure/www.ebay.com/',
  ],
  [
    'http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/',
    'http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/',
  ],
  [
    'http://host%23.com/%257Ea%2521b%2540c%2523d%2524e%25f%255E00%252611%252A22%252833%252944_55%252B',
    'http://host%23.com/~a!b@c%23d$e%25f^00&11*22(33)44_55+',
  ],
  ['http://3279880203/blah', 'http://195.127.0.11/blah'],
  ['http://www.google.com/blah/..', 'http://www.google.com/'],
  ['www.google.com/', 'http://www.google.com/'],
  ['www.google.com', 'http://www.google.com/'],
  ['http://www.evil.com/blah#frag', 'http://www.evil.com/blah'],
  ['http://www.GOOgle.com/', 'http://www.google.com/'],
  ['http://www.google.com.../', 'http://www.google.com/'],
  ['http://www.google.com/foo\tbar\rbaz\n2', 'http://www.google.com/foobarbaz2'],
  ['http://www.google.com/q?', 'http://www.google.com/q?'],
  ['http://www.google.com/q?r?', 'http://www.google.com/q?r?'],
  ['http://www.google.com/q?r?s', 'http://www.google.com/q?r?s'],
  ['http://evil.com/foo#bar#baz', 'http://evil.com/foo'],
  ['http://evil.com/foo;', 'http://evil.com/foo;'],
  ['http://evil.com/foo?bar;', 'http://evil.com/foo?bar;'],
  // The document writes the raw byte 0x80; a JavaScript string cannot hold a lone byte, so the same byte
  // arrives here percent-escaped. A literal U+0080 would be UTF-8 (C2 80), as a browser sends it.
  ['http://\x01%80.com/', 'http://%01%80.com/'],
  ['http://notrailingslash.com', 'http://notrailingslash.com/'],
  ['http://www.gotaport.com:1234/', 'http://www.gotaport.com/'],
  ['http://a.com::80:/', 'http://a.com/'],
  ['  http://www.google.com/  ', 'http://www.google.com/'],
  ['http:// leadingspace.com/', 'http://%20leadingspace.com/'],
  ['http://%20leadingspace.com/', 'http://%20leadingspace.com/'],
  ['%20leadingspace.com/', 'http://%20leadingspace.com/'],
  ['https://www.securesite.com/', 'https://www.securesite.com/'],
  ['http://host.com/ab%23cd', 'http://host.com/ab%23cd'],
  ['http://host.com//twoslashes?more//slashes', 'http://host.com/twoslashes?more//slashes'],
];

// Further cases from the reference implementation's tests (google/safebrowsing) and our own edges.
const more: [string, string][] = [
  ['ftp://ftp.myfiles.com/', 'ftp://ftp.myfiles.com/'],
  ['http://some%1Bhost.com/%1B', 'http://some%1Bhost.com/%1B'],
  ['http://www.\u00fcmlat.com/', 'http://www.xn--mlat-zra.com/'],
  ['http://www.%C3%BCmlat.com/', 'http://www.xn--mlat-zra.com/'],
  ['http://\x01\u0080.com/', 'http://%01%C2%80.com/'],
  ['http://[2001:470:1:18::114]/', 'http://[2001:470:1:18::114]/'],
  ['http://[2001:0DB8:0000::1]:8080/x', 'http://[2001:db8::1]/x'],
  ['http://[::ffff:1.2.3.4]/', 'http://1.2.3.4/'],
  ['http://[64:ff9b::1.2.3.4]/', 'http://1.2.3.4/'],
  ['http%3A%2F%2Fwackyurl.com:80/', 'http://wackyurl.com/'],
  ['http://W!eird<>Ho$^.com/', 'http://w!eird<>ho$^.com/'],
  ['http://i.have.way.too.many.dots.com/', 'http://i.have.way.too.many.dots.com/'],
  ['HTTP://user:pass@Example.COM:8080/A/./b/../C', 'http://example.com/A/C'],
  ['http://a.com/foo/.././bar/./../foo.html', 'http://a.com/foo.html'],
  ['http://a.com//a//b///c////', 'http://a.com/a/b/c/'],
  ['http://a.com/a/b/.', 'http://a.com/a/b/'],
  ['http://a.com/../../x', 'http://a.com/x'],
  ['http://0x12.0x43.0x44.0x01/', 'http://18.67.68.1/'],
  ['http://12.0x12.01234/', 'http://12.18.2.156/'],
  ['http://276.2.3/', 'http://20.2.0.3/'],
  ['http://012.034.01.055/', 'http://10.28.1.45/'],
  ['http://167838211/', 'http://10.1.2.3/'],
  ['http://4294967295/', 'http://255.255.255.255/'],
  ['http://4294967296/', 'http://4294967296/'],
  ['http://1.2.3.00x0/', 'http://1.2.3.00x0/'],
  ['http://123.123.0.0.1/', 'http://123.123.0.0.1/'],
  ['http://..google.com/foo.html', 'http://google.com/foo.html'],
  ['http://google...com./foo.html', 'http://google.com/foo.html'],
  ['http://evil.com/%C3%A9t%C3%A9', 'http://evil.com/%C3%A9t%C3%A9'],
  ['http://evil.com/\u00e9t\u00e9', 'http://evil.com/%C3%A9t%C3%A9'],
  ['http://evil.com/a%3Fb', 'http://evil.com/a?b'],
];

const invalid = [
  '',
  ':',
  '/blah',
  '#ref',
  '/blah#ref',
  '?query#ref',
  '/blah?query#ref',
  '/blah;param',
  'http://#ref',
  'http:///blah#ref',
  'http://?query#ref',
  'http:///blah?query#ref',
  'http:///blah;param',
  'http:///blah;param?query#ref',
  'mailto:bryner@google.com',
  '::',
  'http:www.google.com:8080/foo.html',
  'www.google.com:xxyy/foo.html:80',
];

describe('canonicalize', () => {
  it.each(official)('follows the Safe Browsing example %j', (input, expected) => {
    expect(href(input)).toBe(expected);
  });

  it.each(more)('canonicalises %j', (input, expected) => {
    expect(href(input)).toBe(expected);
  });

  it.each(invalid)('refuses %j, which has no host', (input) => {
    const result = canonicalize(input);
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'threatUrlInvalid', messageKey: 'errorThreatUrlInvalid' }),
    });
  });

  it('splits the parts', () => {
    expect(canonicalize('HTTPS://Evil.Example:443/a//b?x=1#top')).toEqual({
      ok: true,
      value: {
        scheme: 'https',
        host: 'evil.example',
        path: '/a/b',
        query: 'x=1',
        href: 'https://evil.example/a/b?x=1',
      },
    });
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string()),
        (input) => {
          const once = canonicalize(input);
          if (!once.ok) return;
          expect(href(once.value.href)).toBe(once.value.href);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('leaves no byte that must be escaped', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (input) => {
        const result = canonicalize(`http://${input}`);
        if (result.ok) expect(result.value.href).toMatch(/^[\x21-\x7e]+$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with itself however a URL is escaped', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true }), (url) => {
        const escaped = url.replace(/[a-z]/g, (char) => `%${char.charCodeAt(0).toString(16)}`);
        expect(href(escaped)).toBe(href(url));
      }),
    );
  });
});
