import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrate, migrations, SETTINGS_VERSION, type Migration } from '../../../../src/settings';

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

  it('has a step for every version below the current one, and none beyond', () => {
    for (let version = 1; version < SETTINGS_VERSION; version++)
      expect(migrations[version]).toBeTypeOf('function');
    expect(Object.keys(migrations).map(Number).sort()).toEqual(
      Array.from({ length: SETTINGS_VERSION - 1 }, (_, i) => i + 1),
    );
  });
});

describe('one migration per file, each with its own test', () => {
  const steps = (folder: string, ending: RegExp) =>
    readdirSync(folder)
      .filter((name) => /^\d\d-/.test(name))
      .map((name) => name.replace(ending, ''));

  it('names a file NN-what-it-does.ts for each step, numbered from the version it upgrades', () => {
    const files = steps('src/settings/migrations', /\.ts$/);
    expect(files.map((name) => Number(name.slice(0, 2)))).toEqual(Object.keys(migrations).map(Number).sort());
  });

  it('has a test file beside every migration file', () => {
    expect(steps('test/unit/settings/migrations', /\.test\.ts$/)).toEqual(
      steps('src/settings/migrations', /\.ts$/),
    );
  });
});
