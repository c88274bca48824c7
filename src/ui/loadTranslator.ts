// Leaf modules, not the `i18n` barrel, and no zod: the popup's first frame picks its translator here before
// any of its modules has run (the popup's speed budget).
import { bundledLocaleMessages } from '../i18n/bundledLocale';
import type { LocaleMessages } from '../i18n/localeMessages';
import { createTranslator, type Translate } from '../i18n/translate';
import type { Client } from '../messages/client';
import { browserTranslator, type GetMessage } from './pageLanguage';
import type { Language } from '../settings/schema';

/** Where a page's messages come from. */
export interface LocaleSources {
  /** The browser's own `i18n.getMessage`, used when the user keeps the browser's language. */
  getMessage: GetMessage;
  /** Reads a bundled `_locales/<lang>/messages.json`. */
  fetchLocale(language: string): Promise<unknown>;
}

export interface TranslatorSources extends LocaleSources {
  send: Client;
}

/**
 * Reads bundled locale files through the page's `runtime.getURL`: by default the whole `_locales` files, or the
 * files at `pathOf(language)` in the same format.
 */
export const bundledLocales =
  (
    getURL: (path: string) => string,
    pathOf = (language: string) => `_locales/${language}/messages.json`,
  ): LocaleSources['fetchLocale'] =>
  async (language) =>
    (await fetch(getURL(pathOf(language)))).json();

/**
 * Picks the translator for the language chosen in settings, falling back to English for missing keys.
 * `setting`: the language setting when the page already knows it (the popup's published status); else it is
 * asked for.
 */
export async function loadTranslator(
  sources: TranslatorSources,
  setting?: Language,
): Promise<{ t: Translate; language: string }> {
  return translatorFor(setting ?? (await chosenLanguage(sources)), sources);
}

/** The translator for a language setting: the browser's own messages for 'auto', else the bundled file's. */
export async function translatorFor(
  setting: Language,
  sources: LocaleSources,
): Promise<{ t: Translate; language: string }> {
  if (setting === 'auto') return browserTranslator(sources.getMessage);
  const [chosen, english] = await Promise.all([readLocale(sources, setting), readLocale(sources, 'en')]);
  return { t: createTranslator(chosen, english), language: setting };
}

async function chosenLanguage(sources: TranslatorSources): Promise<Language> {
  const settings = await sources.send({ type: 'getSettings' });
  return settings.ok ? settings.value.language : 'auto';
}

async function readLocale(sources: LocaleSources, language: string): Promise<LocaleMessages> {
  try {
    return bundledLocaleMessages(await sources.fetchLocale(language)) ?? {};
  } catch {
    return {};
  }
}
