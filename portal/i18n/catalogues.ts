// Each language's catalogue is its own chunk, fetched when chosen, so the portal does not carry six up front.
import { localeMessagesSchema, type LocaleMessages, type UiLanguage } from '../../src/i18n';

const loaders: Record<Exclude<UiLanguage, 'en'>, () => Promise<{ default: unknown }>> = {
  ru: () => import('../../extension/_locales/ru/messages.json'),
  de: () => import('../../extension/_locales/de/messages.json'),
  fr: () => import('../../extension/_locales/fr/messages.json'),
  es: () => import('../../extension/_locales/es/messages.json'),
  ar: () => import('../../extension/_locales/ar/messages.json'),
};

/** The catalogue of `language`; English is always loaded (see active.ts), so it needs no fetch. */
export async function loadCatalogue(language: Exclude<UiLanguage, 'en'>): Promise<LocaleMessages> {
  return localeMessagesSchema.parse((await loaders[language]()).default);
}
