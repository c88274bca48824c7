import { describe, expect, it } from 'vitest';
import { defaultSettings, exportSettings, importSettings } from '../../../src/settings';

const custom = {
  ...defaultSettings,
  killSwitch: true,
  siteRules: [{ pattern: '*.bank.example', action: 'always' as const }],
};

describe('settings files', () => {
  it('round-trips through export and import', () => {
    const text = exportSettings(custom, new Date('2026-11-23T10:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({
      kind: 'rampart-settings',
      exportedAt: '2026-11-23T10:00:00.000Z',
    });
    expect(importSettings(text)).toEqual({ ok: true, value: custom });
  });

  it.each([
    ['not JSON', '{ nope', 'importNotJson'],
    ['an empty file', '', 'importNotJson'],
    ['JSON of another kind', JSON.stringify({ hello: 'world' }), 'importNotSettings'],
    ['a list', '[]', 'importNotSettings'],
    [
      'a newer version',
      JSON.stringify({ kind: 'rampart-settings', settings: { version: 99 } }),
      'importTooNew',
    ],
  ])('refuses %s', (_name, text, code) => {
    const result = importSettings(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('refuses a file with an invalid field and names it in words, instead of repairing', () => {
    const text = JSON.stringify({ kind: 'rampart-settings', settings: { ...custom, killSwitch: 'maybe' } });
    const result = importSettings(text);
    expect(result).toEqual({
      ok: false,
      error: { code: 'importInvalid', messageKey: 'importErrorField_killSwitch' },
    });
  });

  it.each([
    ['1', '1'],
    ['0', 0],
    ['1.5', 1.5],
    ['{"major":1}', { major: 1 }],
  ])('says a file of version %s has an unknown version, not a list of every field', (shown, version) => {
    const text = JSON.stringify({ kind: 'rampart-settings', settings: { ...custom, version } });
    expect(importSettings(text)).toEqual({
      ok: false,
      error: { code: 'importBadVersion', messageKey: 'importErrorBadVersion', substitutions: [shown] },
    });
  });

  it('reads a version 1 file and drops its adult category action (no longer offered)', () => {
    const { categoryActions, ...rest } = custom;
    const v1 = {
      ...rest,
      version: 1,
      categoryActions: { ...categoryActions, adult: 'never', games: 'enable' },
    };
    const result = importSettings(JSON.stringify({ kind: 'rampart-settings', settings: v1 }));
    expect(result).toEqual({
      ok: true,
      value: { ...custom, categoryActions: { ...categoryActions, games: 'enable' } },
    });
  });

  it('refuses an oversize file before parsing it', () => {
    const result = importSettings(' '.repeat(20_000_001));
    expect(result.ok ? null : result.error.code).toBe('importTooLarge');
  });
});
