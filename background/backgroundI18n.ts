import { createTranslator, localeMessagesSchema, type LocaleMessages, type Translate } from '../src/i18n';
import type { Platform } from './platform';
import type { SettingsStore } from './settingsStore';

/**
 * Notifications follow the language chosen in settings, like the pages do. The browser's own `getMessage`
 * serves "same as the browser"; a chosen language is read from the bundled `_locales` once per change.
 */
export function createBackgroundI18n(platform: Platform, settings: SettingsStore) {
  let chosen: { language: string; t: Translate } | null = null;

  const read = async (language: string): Promise<LocaleMessages> => {
    const parsed = localeMessagesSchema.safeParse(
      JSON.parse(await platform.readBundled(`_locales/${language}/messages.json`)),
    );
    return parsed.success ? parsed.data : {};
  };

  return {
    translate: ((key, substitutions) =>
      chosen
        ? chosen.t(key, substitutions)
        : platform.translate(key, substitutions ? [...substitutions] : undefined)) as Translate,
    /** Re-reads the language setting; call at start and after settings change. */
    refresh: async () => {
      const { language } = await settings.get();
      if (language === 'auto') chosen = null;
      else if (chosen?.language !== language)
        chosen = { language, t: createTranslator(await read(language), await read('en')) };
    },
  };
}
