import { describe, expect, it } from 'vitest';
import { dropAdultCategory, loadSettings, migrations, SETTINGS_VERSION } from '../../../../src/settings';

describe('1 → 2: the adult category is no longer offered', () => {
  it('is the step from version 1', () => {
    expect(migrations[1]).toBe(dropAdultCategory);
  });

  it('drops a stored adult action and keeps every other one', () => {
    expect(
      dropAdultCategory({ version: 1, categoryActions: { adult: 'never', games: 'ask' }, killSwitch: true }),
    ).toEqual({ version: 1, categoryActions: { games: 'ask' }, killSwitch: true });
  });

  it('leaves category actions it cannot read to the repair', () => {
    expect(dropAdultCategory({ version: 1, categoryActions: 'broken' })).toEqual({
      version: 1,
      categoryActions: 'broken',
    });
    expect(dropAdultCategory({ version: 1 })).toEqual({ version: 1 });
  });

  it('reads stored version 1 settings with an adult action as the current version without it', () => {
    const loaded = loadSettings({ version: 1, categoryActions: { adult: 'enable', banks: 'enable' } });
    expect(loaded.version).toBe(SETTINGS_VERSION);
    expect(loaded.categoryActions).not.toHaveProperty('adult');
    expect(loaded.categoryActions.banks).toBe('enable');
  });
});
