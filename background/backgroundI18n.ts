import { createTranslator, localeMessagesSchema, type LocaleMessages, type Translate } from '../src/i18n';
import type { Language } from '../src/settings';
import { browserTranslator } from '../src/ui/pageLanguage';
import type { Platform } from './platform';
import type { SettingsStore } from './settingsStore';

/**
 * Notifications follow the language chosen in settings, like the pages do. The browser's own `getMessage`
 * serves "same as the browser"; a chosen language is read from the bundled `_locales`, once.
 */
export function createBackgroundI18n(platform: Platform, settings: SettingsStore) {
  let chosen: { language: string; t: Translate } | null = null;
  const files = new Map<string, Promise<LocaleMessages>>();

  const parse = async (language: string): Promise<LocaleMessages> => {
    const parsed = localeMessagesSchema.safeParse(
      JSON.parse(await platform.readBundled(`_locales/${language}/messages.json`)),
    );
    return parsed.success ? parsed.data : {};
  };
  /** A locale file, read once (a failed read is tried again next time). */
  const read = (language: string): Promise<LocaleMessages> => {
    const known = files.get(language);
    if (known !== undefined) return known;
    const file = parse(language);
    files.set(language, file);
    file.catch(() => files.delete(language));
    return file;
  };

  /** The chosen language's file, with English where it has no message, as the pages' translator reads them. */
  const chosenTranslator = async (language: string): Promise<Translate> =>
    createTranslator(await read(language), await read('en'));

  return {
    translate: ((key, substitutions) =>
      chosen
        ? chosen.t(key, substitutions)
        : platform.translate(key, substitutions ? [...substitutions] : undefined)) as Translate,
    /** Re-reads the language setting; call at start and after settings change. */
    refresh: async () => {
      const { language } = await settings.get();
      if (language === 'auto') chosen = null;
      else if (chosen?.language !== language) chosen = { language, t: await chosenTranslator(language) };
    },
    /**
     * The translator a page draws with for a language setting, as the pages pick it (src/ui/loadTranslator.ts):
     * the browser's own messages for 'auto', else the chosen locale file with English where it has no message.
     * The popup's first frame is drawn with it (./toolbar.ts).
     */
    pageTranslator: async (language: Language): Promise<{ t: Translate; language: string }> =>
      language === 'auto'
        ? browserTranslator((key, substitutions) => platform.translate(key, substitutions))
        : { t: await chosenTranslator(language), language },
  };
}
