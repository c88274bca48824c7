import { describe, expect, it } from 'vitest';
import { parseRulePattern, patternErrorKeys, type PatternErrorCode } from '../../../src/rules';

describe('parseRulePattern accepts hosts that can go through the VPN', () => {
  it.each([
    ['example.com', 'domain', 'example.com'],
    ['ru', 'domain', 'ru'],
    ['*.ru', 'subdomains', 'ru'],
    ['*.intranet', 'subdomains', 'intranet'],
    ['8.8.8.8', 'exact', '8.8.8.8'],
    ['172.32.0.1', 'exact', '172.32.0.1'],
    ['[2001:db8::1]', 'exact', '2001:db8::1'],
    ['local.example.com', 'domain', 'local.example.com'],
  ])('%j', (input, kind, host) => {
    expect(parseRulePattern(input)).toEqual({ ok: true, value: { kind, host } });
  });
});

describe('parseRulePattern refuses a rule that could never take effect', () => {
  it.each<[string, PatternErrorCode, string]>([
    ['intranet', 'pattern_local_name', 'intranet'],
    ['=router', 'pattern_local_name', 'router'],
    ['ROUTER.', 'pattern_local_name', 'router'],
    ['=ru', 'pattern_local_name', 'ru'],
    ['localhost', 'pattern_local_domain', 'localhost'],
    ['*.localhost', 'pattern_local_domain', 'localhost'],
    ['app.localhost', 'pattern_local_domain', 'app.localhost'],
    ['printer.local', 'pattern_local_domain', 'printer.local'],
    ['*.local', 'pattern_local_domain', 'local'],
    ['local', 'pattern_local_domain', 'local'],
    ['10.0.0.1', 'pattern_local_address', '10.0.0.1'],
    ['192.168.1.1', 'pattern_local_address', '192.168.1.1'],
    ['127.0.0.1', 'pattern_local_address', '127.0.0.1'],
    ['169.254.1.1', 'pattern_local_address', '169.254.1.1'],
    ['[::1]', 'pattern_local_address', '::1'],
    ['fd12::1', 'pattern_local_address', 'fd12::1'],
    ['[::ffff:10.0.0.1]', 'pattern_local_address', '::ffff:a00:1'],
  ])('%j with %s', (input, code, detail) => {
    expect(parseRulePattern(input)).toEqual({
      ok: false,
      error: { code, messageKey: patternErrorKeys[code], substitutions: [detail] },
    });
  });

  it('reports a malformed pattern first, as parseSitePattern does', () => {
    expect(parseRulePattern('10.0.0.1:8080')).toMatchObject({
      ok: false,
      error: { code: 'pattern_has_port' },
    });
    expect(parseRulePattern('https://example.com/path')).toMatchObject({
      ok: false,
      error: { code: 'pattern_has_path' },
    });
  });
});
