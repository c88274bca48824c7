import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatSitePattern,
  parseCanonicalPattern,
  parseSitePattern,
  patternErrorKeys,
} from '../../../src/rules';

describe('parseSitePattern accepts', () => {
  it.each([
    ['example.com', 'domain', 'example.com'],
    ['  Example.COM  ', 'domain', 'example.com'],
    ['example.com.', 'domain', 'example.com'],
    ['=example.com', 'exact', 'example.com'],
    ['=Example.COM.', 'exact', 'example.com'],
    ['*.example.com', 'subdomains', 'example.com'],
    ['.example.com', 'subdomains', 'example.com'],
    ['http://example.com', 'domain', 'example.com'],
    ['https://Www.Example.com/', 'domain', 'www.example.com'],
    ['=https://mail.example.com/', 'exact', 'mail.example.com'],
    ['http://[fe80::1]/', 'exact', 'fe80::1'],
    ['http://10.0.0.1', 'exact', '10.0.0.1'],
    ['Пример.РФ', 'domain', 'xn--e1afmkfd.xn--p1ai'],
    ['*.пример.рф', 'subdomains', 'xn--e1afmkfd.xn--p1ai'],
    ['xn--e1afmkfd.xn--p1ai', 'domain', 'xn--e1afmkfd.xn--p1ai'],
    ['faß.de', 'domain', 'xn--fa-hia.de'],
    ['日本。jp', 'domain', 'xn--wgv71a.jp'],
    ['a_b.example.com', 'domain', 'a_b.example.com'],
    ['ru', 'domain', 'ru'],
    ['*.ru', 'subdomains', 'ru'],
    ['1.2.3.4', 'exact', '1.2.3.4'],
    ['=1.2.3.4', 'exact', '1.2.3.4'],
    ['[::1]', 'exact', '::1'],
    ['::1', 'exact', '::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', 'exact', '2001:db8::1'],
  ])('%j as %s %s', (input, kind, host) => {
    expect(parseSitePattern(input)).toEqual({ ok: true, value: { kind, host } });
  });
});

describe('parseSitePattern rejects', () => {
  it.each([
    ['', 'pattern_empty', undefined],
    ['   ', 'pattern_empty', undefined],
    ['=', 'pattern_empty', undefined],
    ['https://', 'pattern_empty', undefined],
    ['exa mple.com', 'pattern_space', undefined],
    ['exa$mple.com', 'pattern_bad_character', '$'],
    ['exa!mple.com', 'pattern_bad_character', '!'],
    ['a..b', 'pattern_empty_label', undefined],
    ['..a.com', 'pattern_empty_label', undefined],
    ['a.com..', 'pattern_empty_label', undefined],
    ['-a.com', 'pattern_hyphen', '-a'],
    ['a-.com', 'pattern_hyphen', 'a-'],
    ['a.*.com', 'pattern_wildcard_position', undefined],
    ['ex*ample.com', 'pattern_wildcard_position', undefined],
    ['example.*', 'pattern_wildcard_position', undefined],
    ['*', 'pattern_wildcard_position', undefined],
    ['**.a.com', 'pattern_wildcard_position', undefined],
    ['=*.a.com', 'pattern_wildcard_position', undefined],
    ['*.1.2.3.4', 'pattern_wildcard_ip', undefined],
    ['*.[::1]', 'pattern_wildcard_ip', undefined],
    ['1.2.3', 'pattern_bad_ip', '1.2.3'],
    ['256.1.1.1', 'pattern_bad_ip', '256.1.1.1'],
    ['0x7f.1', 'pattern_bad_ip', '0x7f.1'],
    ['example.123', 'pattern_bad_ip', 'example.123'],
    ['2001:db8::zz', 'pattern_bad_ip', '2001:db8::zz'],
    ['[::1', 'pattern_bad_ip', '[::1'],
    // A rule covers a whole host: a port or a path would be silently dropped, so they are refused.
    ['https://user:pw@Www.Example.com:8443/path?q#f', 'pattern_has_path', '/path?q#f'],
    ['example.com/some/page', 'pattern_has_path', '/some/page'],
    ['https://example.com/path', 'pattern_has_path', '/path'],
    ['=https://mail.example.com/inbox', 'pattern_has_path', '/inbox'],
    ['example.com?q=1', 'pattern_has_path', '?q=1'],
    ['example.com#top', 'pattern_has_path', '#top'],
    ['http://10.0.0.1/admin', 'pattern_has_path', '/admin'],
    ['http://[fe80::1]/x', 'pattern_has_path', '/x'],
    ['example.com:8080', 'pattern_has_port', ':8080'],
    ['10.0.0.1:8080', 'pattern_has_port', ':8080'],
    ['1.2.3.4:80', 'pattern_has_port', ':80'],
    ['[2001:DB8::1]:443', 'pattern_has_port', ':443'],
    ['https://example.com:8443/', 'pattern_has_port', ':8443'],
    ['user@example.com', 'pattern_bad_character', '@'],
    ['[::1]x', 'pattern_bad_port', 'x'],
    ['example.com:abc', 'pattern_bad_port', 'abc'],
    ['xn--zz.com', 'pattern_invalid_host', 'xn--zz.com'],
    [`${'a'.repeat(64)}.com`, 'pattern_label_too_long', 'a'.repeat(64)],
    [`${`${'a'.repeat(60)}.`.repeat(5)}com`, 'pattern_too_long', undefined],
  ])('%j with %s', (input, code, detail) => {
    const key = patternErrorKeys[code as keyof typeof patternErrorKeys];
    const error =
      detail === undefined ? { code, messageKey: key } : { code, messageKey: key, substitutions: [detail] };
    expect(parseSitePattern(input)).toEqual({ ok: false, error });
  });
});

describe('formatSitePattern', () => {
  it.each([
    ['example.com', 'example.com'],
    ['=example.com', '=example.com'],
    ['.example.com', '*.example.com'],
    ['Пример.рф', 'xn--e1afmkfd.xn--p1ai'],
    ['=1.2.3.4', '1.2.3.4'],
    ['::1', '[::1]'],
  ])('%j is shown as %j and parses back to the same pattern', (input, text) => {
    const parsed = parseSitePattern(input);
    if (!parsed.ok) throw new Error('expected a valid pattern');
    expect(formatSitePattern(parsed.value)).toBe(text);
    expect(parseSitePattern(text)).toEqual(parsed);
  });
});

describe('parseSitePattern fast path', () => {
  it('gives the same result as the full parser', () => {
    const label = fc.constantFrom(
      'a',
      'www',
      'x-y',
      '-a',
      'b-',
      '_s',
      'xn--e1afmkfd',
      'xn--zz',
      'com',
      '1',
      '10',
      'A',
      'a'.repeat(64),
    );
    const pattern = fc
      .tuple(fc.constantFrom('', '=', '*.', '.'), fc.array(label, { minLength: 1, maxLength: 5 }))
      .map(([prefix, labels]) => prefix + labels.join('.'));
    fc.assert(
      fc.property(pattern, (text) => {
        // A leading space skips the fast path; trimming makes it the same input for the full parser.
        expect(parseSitePattern(text)).toEqual(parseSitePattern(` ${text}`));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseCanonicalPattern', () => {
  it.each(['example.com', '=example.com', '*.example.com', 'ru', 'a_b.example.com'])(
    'recognises %j, which formats back to itself',
    (text) => {
      const pattern = parseCanonicalPattern(text);
      expect(pattern).not.toBeNull();
      if (pattern) expect(formatSitePattern(pattern)).toBe(text);
    },
  );

  it.each([
    'Example.com',
    ' example.com',
    '.example.com',
    'xn--e1afmkfd.xn--p1ai',
    '1.2.3.4',
    '-a.com',
    'a.com.',
  ])('leaves %j to the full parser', (text) => {
    expect(parseCanonicalPattern(text)).toBeNull();
  });
});
