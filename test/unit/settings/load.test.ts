import { describe, expect, it } from 'vitest';
import { defaultSettings, loadSettings, SETTINGS_VERSION } from '../../../src/settings';

describe('loadSettings', () => {
  it.each([undefined, null, 42, 'text', [], true])('turns %s into the defaults', (stored) => {
    expect(loadSettings(stored)).toEqual(defaultSettings);
  });

  it('keeps valid settings exactly', () => {
    const stored = {
      ...defaultSettings,
      vpnEnabled: true,
      killSwitch: true,
      siteRules: [{ pattern: 'example.com', action: 'never' }],
      categoryActions: { ...defaultSettings.categoryActions, banks: 'enable' },
      language: 'ru',
    };
    expect(loadSettings(stored)).toEqual(stored);
  });

  it('repairs one corrupt field without touching the others', () => {
    const loaded = loadSettings({
      ...defaultSettings,
      killSwitch: 'yes please',
      siteRules: [{ pattern: 'bank.example', action: 'always' }],
    });
    expect(loaded.killSwitch).toBe(false);
    expect(loaded.siteRules).toEqual([{ pattern: 'bank.example', action: 'always' }]);
  });

  it('drops only the invalid rules from a list', () => {
    const loaded = loadSettings({
      ...defaultSettings,
      siteRules: [
        { pattern: 'good.example', action: 'never' },
        { pattern: '', action: 'never' },
        { pattern: 'bad-action.example', action: 'sometimes' },
        'not a rule',
        { pattern: 'also-good.example', action: 'ask' },
      ],
      allowList: ['safe.example', 7, ''],
    });
    expect(loaded.siteRules).toEqual([
      { pattern: 'good.example', action: 'never' },
      { pattern: 'also-good.example', action: 'ask' },
    ]);
    expect(loaded.allowList).toEqual(['safe.example']);
  });

  it('repairs category actions one by one', () => {
    const loaded = loadSettings({ categoryActions: { banks: 'enable', games: 'launch', unknown: 'never' } });
    expect(loaded.categoryActions).toEqual({ ...defaultSettings.categoryActions, banks: 'enable' });
  });

  it('repairs a nested notification switch alone', () => {
    const loaded = loadSettings({ notifications: { vpnAutoEnabled: false, connectionLost: 'x' } });
    expect(loaded.notifications).toEqual({ ...defaultSettings.notifications, vpnAutoEnabled: false });
  });

  it('stamps the current version', () => {
    expect(loadSettings({ version: 'old' }).version).toBe(SETTINGS_VERSION);
  });
});

describe('site patterns in stored settings', () => {
  it('drops a rule whose pattern no longer parses and keeps the rest', () => {
    const loaded = loadSettings({
      siteRules: [
        { pattern: 'bad*pattern.com', action: 'never' },
        { pattern: '*.fine.example', action: 'always' },
      ],
    });
    expect(loaded.siteRules).toEqual([{ pattern: '*.fine.example', action: 'always' }]);
  });
});
