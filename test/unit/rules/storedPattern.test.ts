import { describe, expect, it } from 'vitest';
import {
  indexSiteRules,
  matchSiteRule,
  parseSitePattern,
  parseStoredPattern,
  patternErrorKeys,
} from '../../../src/rules';
import { loadSettings, defaultSettings } from '../../../src/settings';

// Rules saved before ports and paths were refused (a pasted URL kept only its host) keep meaning that host.
describe('parseStoredPattern', () => {
  it.each([
    ['example.com:8080', 'domain', 'example.com'],
    ['https://user:pw@Www.Example.com:8443/path?q#f', 'domain', 'www.example.com'],
    ['=https://mail.example.com/inbox', 'exact', 'mail.example.com'],
    ['*.example.com/x', 'subdomains', 'example.com'],
    ['1.2.3.4:80', 'exact', '1.2.3.4'],
    ['[2001:DB8::1]:443', 'exact', '2001:db8::1'],
    ['http://[fe80::1]/x', 'exact', 'fe80::1'],
    ['example.com', 'domain', 'example.com'],
  ])('%j is still %s %s', (input, kind, host) => {
    expect(parseStoredPattern(input)).toEqual({ ok: true, value: { kind, host } });
  });

  it('is as strict as parseSitePattern about everything else', () => {
    for (const input of ['', 'bad*site.com', 'example.com:abc', 'a..b'])
      expect(parseStoredPattern(input)).toEqual(parseSitePattern(input));
    expect(parseStoredPattern('exa$mple.com:80')).toEqual({
      ok: false,
      error: {
        code: 'pattern_has_port',
        messageKey: patternErrorKeys.pattern_has_port,
        substitutions: [':80'],
      },
    });
  });

  it('a stored legacy rule survives loading and still routes its host', () => {
    const loaded = loadSettings({
      ...defaultSettings,
      siteRules: [{ pattern: 'http://legacy.example:8080/page', action: 'never' }],
    });
    expect(loaded.siteRules).toEqual([{ pattern: 'http://legacy.example:8080/page', action: 'never' }]);
    const index = indexSiteRules(loaded.siteRules);
    expect(index.invalid).toEqual([]);
    expect(matchSiteRule(index, 'www.legacy.example')).toEqual({
      action: 'never',
      pattern: 'legacy.example',
    });
  });
});
