import { defaultSettings, type Settings, type SettingsPatch } from '../../src/settings';
import { fakeMessageClient } from './messageClient';
import { statusIn } from './popupStates';

/** `count` distinct site rules (`site-0000.example`…), actions in turn, in the order a user might add them. */
export const manyRules = (count: number): Settings['siteRules'] =>
  Array.from({ length: count }, (_, i) => ({
    pattern: `site-${String(i).padStart(4, '0')}.example`,
    action: (['always', 'never', 'ask'] as const)[i % 3]!,
  }));

/**
 * A background as the options page sees it: settings it keeps and changes on `updateSettings` (the patch
 * applied field by field, as the real one does after validating it), and the other reads answered.
 */
export function optionsBackground(settings: Partial<Settings> = {}) {
  let stored: Settings = { ...structuredClone(defaultSettings), ...settings };
  const client = fakeMessageClient()
    .handle('getSettings', () => ({ ok: true, value: stored }))
    .handle('updateSettings', ({ patch }) => {
      stored = { ...stored, ...(patch as SettingsPatch) } as Settings;
      return { ok: true, value: stored };
    })
    .reply('getBrowserAccess', { browser: 'chrome', allSites: true, privateWindows: true })
    .reply('getStatus', statusIn.off({ version: '1.2.3' }))
    .reply('getAccount', { linked: false, tier: 'anonymous' });
  return Object.assign(client, { stored: () => stored });
}
