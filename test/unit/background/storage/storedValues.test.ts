import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  readStored,
  removeStored,
  updateStored,
  writeStored,
} from '../../../../background/storage/storedValues';
import { defaultSettings, SETTINGS_VERSION } from '../../../../src/settings';
import { stored } from '../../../../src/storage';
import { memoryArea } from '../../../fakes/platform';

const areas = () => ({ local: memoryArea(), session: memoryArea() });

/**
 * An area whose reads take a while, as the browser's do: a read answers later with what was stored when it
 * was asked, so interleaved read-modify-writes would lose data.
 */
function slowAreas() {
  const local = memoryArea();
  return {
    data: local.data,
    areas: {
      session: memoryArea(),
      local: {
        ...local,
        get: async (key: string) => {
          const value = await local.get(key);
          await new Promise((resolve) => setTimeout(resolve, 5));
          return value;
        },
      },
    },
  };
}

afterEach(() => vi.restoreAllMocks());

describe('a stored value read through its declaration', () => {
  it('is written to the area and key it declares, and read back as written', async () => {
    const both = areas();
    await writeStored(both, stored.accountFound, 'user@example.com');
    expect(both.session.data).toEqual({ accountFound: 'user@example.com' });
    expect(both.local.data).toEqual({});
    expect(await readStored(both, stored.accountFound)).toBe('user@example.com');
    await removeStored(both, stored.accountFound);
    expect(both.session.data).toEqual({});
  });

  it('is null when missing, without a report', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await readStored(areas(), stored.subscription)).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('is null, and reported with its place and the problem, when it fails its schema', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const both = areas();
    both.local.data['subscription'] = { tier: 'platinum', expiresAt: null, deviceLimit: 3, devicesUsed: 1 };
    expect(await readStored(both, stored.subscription)).toBeNull();
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toMatch(/local:subscription is not valid \(tier: .*\); read as missing/);
  });

  it('settings are upgraded from an older version and repaired field by field, never lost whole', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const both = areas();
    both.local.data['settings'] = {
      version: 1,
      killSwitch: 'yes',
      categoryActions: { adult: 'enable', banks: 'enable' },
      siteRules: [{ pattern: 'bank.example', action: 'always' }],
    };
    const settings = await readStored(both, stored.settings);
    expect(settings).toEqual({
      ...defaultSettings,
      version: SETTINGS_VERSION,
      categoryActions: { ...defaultSettings.categoryActions, banks: 'enable' },
      siteRules: [{ pattern: 'bank.example', action: 'always' }],
    });
    expect(warn.mock.calls[0]?.[0]).toMatch(/local:settings is not valid .*repaired field by field/);
  });

  it('settings of an older version that are otherwise valid are upgraded without a report', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const both = areas();
    both.local.data['settings'] = { ...defaultSettings, version: 2, serviceUrl: 'https://elsewhere.example' };
    expect(await readStored(both, stored.settings)).toEqual(defaultSettings);
    expect(warn).not.toHaveBeenCalled();
  });

  it('missing settings read as the defaults', async () => {
    expect(await readStored(areas(), stored.settings)).toEqual(defaultSettings);
  });
});

describe('changes to one stored value', () => {
  it('run one after another: two changes at once both land', async () => {
    const { areas: slow, data } = slowAreas();
    await Promise.all([
      updateStored(slow, stored.allowances, (all) => ({ ...all, 'a.example': 1 })),
      updateStored(slow, stored.allowances, (all) => ({ ...all, 'b.example': 2 })),
      updateStored(slow, stored.allowances, (all) => ({ ...all, 'c.example': 3 })),
    ]);
    expect(data['allowances']).toEqual({ 'a.example': 1, 'b.example': 2, 'c.example': 3 });
  });

  it('a plain write waits for a change already under way, so the change cannot overwrite it', async () => {
    const { areas: slow, data } = slowAreas();
    const changing = updateStored(slow, stored.limitNotified, (last) => (last ?? 0) + 1);
    const writing = writeStored(slow, stored.limitNotified, 100);
    await Promise.all([changing, writing]);
    expect(data['limitNotified']).toBe(100);
  });

  it('a change that fails leaves the value as it was and does not block the next', async () => {
    const both = areas();
    await writeStored(both, stored.commandsRan, ['a']);
    await expect(
      updateStored(both, stored.commandsRan, () => {
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await updateStored(both, stored.commandsRan, (ids) => [...(ids ?? []), 'b'])).toEqual(['a', 'b']);
  });

  it('a change that returns the value it was given writes nothing', async () => {
    const both = areas();
    await writeStored(both, stored.notifiedSites, ['auto:bank.example']);
    const set = vi.spyOn(both.session, 'set');
    await updateStored(both, stored.notifiedSites, (seen) => seen ?? []);
    expect(set).not.toHaveBeenCalled();
  });
});
