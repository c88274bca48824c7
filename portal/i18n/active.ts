// The language the portal speaks right now. Text is looked up when it is rendered, so the provider swaps the
// catalogue here and re-renders the app; plain modules (the API client, command labels) read the same one.
import english from '../../extension/_locales/en/messages.json';
import { formatCount, formatDate, formatDateTime, pluralKey } from '../../src/format';
import { createTranslator, localeMessagesSchema, type LocaleMessages, type UiLanguage } from '../../src/i18n';

/** A key of the English catalogue: a key the catalogue lacks does not compile. */
export type MessageKey = keyof typeof english;

const englishMessages = localeMessagesSchema.parse(english);
let active = { language: 'en' as UiLanguage, translate: createTranslator(englishMessages) };

/** Makes `messages` the portal's language; a key it lacks reads in English. */
export function activate(language: UiLanguage, messages: LocaleMessages): void {
  active = { language, translate: createTranslator(messages, englishMessages) };
}

export const activeLanguage = (): UiLanguage => active.language;

/** A message of the active language, `$1`..`$9` filled from `substitutions`. */
export const t = (key: MessageKey, substitutions?: readonly string[]): string =>
  active.translate(key, substitutions);

/** For keys that arrive as data (validation sentences, API error codes), checked by their own tests. */
export const translate = (key: string, substitutions?: readonly string[]): string =>
  active.translate(key, substitutions);

type PluralBase<K> = K extends `${infer Base}_other` ? Base : never;
/** A message family with one key per plural form (`base_one`, `base_few`, … `base_other`). */
export type PluralMessage = PluralBase<MessageKey>;

/** The family's message for `count` in the active language, `$1` being the count as the language writes it. */
export const tCount = (base: PluralMessage, count: number): string =>
  active.translate(pluralKey(base, count, active.language), [formatCount(count, active.language)]);

export const dateTime = (iso: string): string => formatDateTime(iso, active.language);
export const dateOnly = (iso: string): string => formatDate(iso, active.language);
