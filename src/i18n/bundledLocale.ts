// Reads a locale file the extension bundles, without zod: a page with a language chosen in the settings reads
// one before its first draw (src/ui/loadTranslator.ts), and zod alone is larger than everything else the popup
// loads by then (issue 16's speed budget). The format is `localeMessagesSchema` (./localeMessages.ts); a test
// holds the two to the same answers.
import { isRecord } from '../guards/isRecord';
import type { LocaleMessages } from './localeMessages';

const optionalString = (value: unknown) => value === undefined || typeof value === 'string';

const isPlaceholder = (value: unknown) =>
  isRecord(value) && typeof value['content'] === 'string' && optionalString(value['example']);

const isEntry = (value: unknown) =>
  isRecord(value) &&
  typeof value['message'] === 'string' &&
  optionalString(value['description']) &&
  (value['placeholders'] === undefined ||
    (isRecord(value['placeholders']) && Object.values(value['placeholders']).every(isPlaceholder)));

/**
 * The messages in a `_locales/<lang>/messages.json` as read, or null when it is not in the format Chrome and
 * Firefox read (a page then falls back to English, then to the keys).
 */
export function bundledLocaleMessages(file: unknown): LocaleMessages | null {
  return isRecord(file) && Object.values(file).every(isEntry) ? (file as LocaleMessages) : null;
}
