// Leaf modules, not the `i18n` barrel, and no zod: what runs before a page's first render stays small (the
// popup's speed budget); the bundled locale file is read without it (../i18n/bundledLocale.ts).
import { bundledLocaleMessages } from '../i18n/bundledLocale';
import type { LocaleMessages } from '../i18n/localeMessages';
import { createTranslator, type Translate } from '../i18n/translate';
import type { Client } from '../messages/client';
import { browserTranslator, type GetMessage } from './pageLanguage';
import type { Language } from '../settings/schema';

export interface TranslatorSources {
  send: Client;
  /** The browser's own `i18n.getMessage`, used when the user keeps the browser's language. */
  getMessage: GetMessage;
  /** Reads a bundled `_locales/<lang>/messages.json`. */
  fetchLocale(language: string): Promise<unknown>;
}

/**
 * Picks the translator for the language chosen in settings, falling back to English for missing keys.
 * `setting`: the language setting when the page already knows it (the popup's published status); else it is
 * asked for.
 */
export async function loadTranslator(
  sources: TranslatorSources,
  setting?: Language,
): Promise<{ t: Translate; language: string }> {
  const language = setting ?? (await chosenLanguage(sources));
  if (language === 'auto') return browserTranslator(sources.getMessage);
  const [chosen, english] = await Promise.all([readLocale(sources, language), readLocale(sources, 'en')]);
  return { t: createTranslator(chosen, english), language };
}

async function chosenLanguage(sources: TranslatorSources): Promise<Language> {
  const settings = await sources.send({ type: 'getSettings' });
  return settings.ok ? settings.value.language : 'auto';
}

async function readLocale(sources: TranslatorSources, language: string): Promise<LocaleMessages> {
  try {
    return bundledLocaleMessages(await sources.fetchLocale(language)) ?? {};
  } catch {
    return {};
  }
}
