import { exportSettings, importSettings } from '../src/settings';
import { ok } from '../src/result';
import type { ConnectionState } from '../src/status';
import type { Handlers } from './router';
import type { Platform } from './platform';
import type { SettingsStore } from './settingsStore';

export interface HandlerDeps {
  platform: Platform;
  settings: SettingsStore;
  connectionState(): Promise<ConnectionState>;
}

/** The background's answers to page requests; each stays a few lines and delegates to a service. */
export function createHandlers({ platform, settings, connectionState }: HandlerDeps): Handlers {
  return {
    getStatus: async () => {
      const current = await settings.get();
      return ok({
        state: await connectionState(),
        version: platform.extensionVersion,
        protectionEnabled: current.protectionEnabled,
      });
    },
    getSettings: async () => ok(await settings.get()),
    updateSettings: async ({ patch }) => ok(await settings.update(patch)),
    exportSettings: async () => {
      const now = platform.now();
      return ok({
        fileName: `rampart-settings-${now.toISOString().slice(0, 10)}.json`,
        text: exportSettings(await settings.get(), now),
      });
    },
    importSettings: async ({ text }) => {
      const imported = importSettings(text);
      return imported.ok ? ok(await settings.replace(imported.value)) : imported;
    },
  };
}
