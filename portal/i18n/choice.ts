// The portal follows the browser's languages unless the person picked one in the header; the pick is kept
// in localStorage, per browser, like the extension keeps its own in settings.
import { z } from 'zod';
import { bestLanguage, uiLanguages, type UiLanguage } from '../../src/i18n';

export const LANGUAGE_STORAGE_KEY = 'rampart.portal.language';

/** What the person chose: a language, or `auto` for the browser's. */
export const languageChoiceSchema = z.enum(['auto', ...uiLanguages]);
export type LanguageChoice = z.infer<typeof languageChoiceSchema>;

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function readChoice(store: KeyValueStore | undefined): LanguageChoice {
  try {
    return languageChoiceSchema.catch('auto').parse(store?.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    // Storage can be switched off; the browser's language is the sensible default then.
    return 'auto';
  }
}

export function saveChoice(store: KeyValueStore | undefined, choice: LanguageChoice): void {
  try {
    store?.setItem(LANGUAGE_STORAGE_KEY, choice);
  } catch {
    // Without storage the choice lasts until the tab closes.
  }
}

export const resolveChoice = (choice: LanguageChoice, browserLanguages: readonly string[]): UiLanguage =>
  choice === 'auto' ? bestLanguage(browserLanguages) : choice;
