import type { Language } from '../src/settings';
import type { ConnectionStatus } from '../src/status';
import { toolbarView } from '../src/status';
import { stored } from '../src/storage';
import type { PublishedFrame } from '../src/storage/publishedStatus';
import type { Platform } from './platform';
import type { SettingsStore } from './settingsStore';
import type { StatusReader } from './vpn/connectionStatus';
import { createSerialQueue } from './serialQueue';
import { writeStored } from './storage/storedValues';

/** The language for names the browser formats ("Germany"): the chosen one, or the browser's. */
const languageOf = (chosen: string, platform: Platform): string => {
  if (chosen !== 'auto') return chosen;
  const ui = platform.translate('@@ui_locale').slice(0, 2);
  return /^[a-z]{2}$/.test(ui) ? ui : 'en';
};

/** Draws the popup's first frame for a status in a language setting (wired to src/ui/popupTop/firstFrame.tsx). */
export type FirstFrameDrawer = (status: ConnectionStatus, language: Language) => Promise<PublishedFrame>;

/**
 * Keeps the toolbar button in step with the connection: called at every start (the browser forgets a
 * dynamic icon when it restarts) and whenever what the status is read from changes. The status it draws is
 * published in `storage.session` first (src/storage/publishedStatus.ts), with the popup's first frame drawn
 * from it in the language of the settings: the popup shows that at once, so what the popup first shows is what
 * the button shows, and a stopped worker does not hold up its first draw.
 */
export function createToolbar(
  platform: Platform,
  settings: SettingsStore,
  status: StatusReader,
  drawFirstFrame: FirstFrameDrawer,
) {
  const queue = createSerialQueue();
  return {
    refresh: () =>
      queue(async () => {
        const [current, { language }] = await Promise.all([status(), settings.get()]);
        // A frame that cannot be drawn (a locale file that cannot be read) holds up neither the button nor the
        // status: without it the popup's module draws first, as it would for a value of another version.
        const frame = await drawFirstFrame(current, language).catch(() => undefined);
        await writeStored(platform, stored.publishedStatus, {
          status: current,
          language,
          ...(frame === undefined ? {} : { frame }),
        });
        await platform.showToolbar(toolbarView(current, platform.translate, languageOf(language, platform)));
      }),
  };
}
export type Toolbar = ReturnType<typeof createToolbar>;
