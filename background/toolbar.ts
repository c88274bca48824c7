import { toolbarView } from '../src/status';
import type { Platform } from './platform';
import type { SettingsStore } from './settingsStore';
import type { StatusReader } from './vpn/connectionStatus';
import { createSerialQueue } from './serialQueue';

/** The language for names the browser formats ("Germany"): the chosen one, or the browser's. */
const languageOf = (chosen: string, platform: Platform): string => {
  if (chosen !== 'auto') return chosen;
  const ui = platform.translate('@@ui_locale').slice(0, 2);
  return /^[a-z]{2}$/.test(ui) ? ui : 'en';
};

/**
 * Keeps the toolbar button in step with the connection: called at every start (the browser forgets a
 * dynamic icon when it restarts) and whenever the stored state or settings change.
 */
export function createToolbar(platform: Platform, settings: SettingsStore, status: StatusReader) {
  const queue = createSerialQueue();
  return {
    refresh: () =>
      queue(async () => {
        const [current, { language }] = await Promise.all([status(), settings.get()]);
        await platform.showToolbar(toolbarView(current, platform.translate, languageOf(language, platform)));
      }),
  };
}
export type Toolbar = ReturnType<typeof createToolbar>;
