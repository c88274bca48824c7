import { describe, expect, it } from 'vitest';
import {
  dropAdultCategory,
  loadSettings,
  migrate,
  migrations,
  SETTINGS_VERSION,
  type Migration,
} from '../../../src/settings';

describe('migrate', () => {
  const chain: Record<number, Migration> = {
    1: ({ vpnOn, ...rest }) => ({ ...rest, vpnEnabled: vpnOn }),
    2: (old) => ({ ...old, region: old['region'] ?? 'optimal' }),
  };

  it('runs every step from the stored version and stamps each version', () => {
    expect(migrate({ version: 1, vpnOn: true }, 3, chain)).toEqual({
      version: 3,
      vpnEnabled: true,
      region: 'optimal',
    });
  });

  it('starts in the middle of the chain', () => {
    expect(migrate({ version: 2, region: 'de' }, 3, chain)).toEqual({ version: 3, region: 'de' });
  });

  it('leaves data at or above the target alone', () => {
    const stored = { version: 5, anything: 1 };
    expect(migrate(stored, 3, chain)).toBe(stored);
  });

  it('treats a missing or invalid version as the first one', () => {
    expect(migrate({ vpnOn: false }, 2, chain)).toEqual({ version: 2, vpnEnabled: false });
    expect(migrate({ version: -4, vpnOn: false }, 2, chain)).toEqual({ version: 2, vpnEnabled: false });
  });

  it('fails loudly on a gap in the chain', () => {
    expect(() => migrate({ version: 1 }, 3, { 1: (old) => old })).toThrow(/from version 2/);
  });

  it('has a step for every version below the current one', () => {
    for (let version = 1; version < SETTINGS_VERSION; version++)
      expect(migrations[version]).toBeTypeOf('function');
  });
});

describe('1 → 2: the adult category is no longer offered', () => {
  it('drops a stored adult action and keeps every other one', () => {
    expect(
      dropAdultCategory({ version: 1, categoryActions: { adult: 'never', games: 'ask' }, killSwitch: true }),
    ).toEqual({ version: 1, categoryActions: { games: 'ask' }, killSwitch: true });
    expect(dropAdultCategory({ version: 1, categoryActions: 'broken' })).toEqual({
      version: 1,
      categoryActions: 'broken',
    });
  });

  it('reads stored version 1 settings with an adult action as the current version without it', () => {
    const loaded = loadSettings({ version: 1, categoryActions: { adult: 'enable', banks: 'enable' } });
    expect(loaded.version).toBe(SETTINGS_VERSION);
    expect(loaded.categoryActions).not.toHaveProperty('adult');
    expect(loaded.categoryActions.banks).toBe('enable');
  });
});

describe('2 → 3: the service address is not a setting', () => {
  it('drops a stored or imported serviceUrl and keeps everything else', () => {
    expect(migrate({ version: 2, serviceUrl: 'https://evil.example', killSwitch: true }, 3)).toEqual({
      version: 3,
      killSwitch: true,
    });
  });
});
