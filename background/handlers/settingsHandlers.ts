import { ok } from '../../src/result';
import { exportSettings, importSettings } from '../../src/settings';
import type { Handlers } from '../router';
import type { HandlerDeps } from './deps';

type SettingsHandlers = Pick<
  Handlers,
  'getSettings' | 'updateSettings' | 'exportSettings' | 'importSettings'
>;

/** Settings changes re-apply routing and protection: rules, categories, kill switch and allow-list shape them. */
export function settingsHandlers({ platform, settings, settingsChanged }: HandlerDeps): SettingsHandlers {
  return {
    getSettings: async () => ok(await settings.get()),
    updateSettings: async ({ patch }) => {
      const before = await settings.get();
      const next = await settings.update(patch);
      await settingsChanged(before, next);
      return ok(next);
    },
    exportSettings: async () => {
      const now = platform.now();
      return ok({
        fileName: `rampart-settings-${now.toISOString().slice(0, 10)}.json`,
        text: exportSettings(await settings.get(), now),
      });
    },
    importSettings: async ({ text }) => {
      const imported = importSettings(text);
      if (!imported.ok) return imported;
      const before = await settings.get();
      const next = await settings.replace(imported.value);
      await settingsChanged(before, next);
      return ok(next);
    },
  };
}
