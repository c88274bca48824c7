// The portal renders shared message keys (validation sentences from src/fieldMessages, API error codes) with
// the extension's own English catalogue, so both say the same words. English only until the portal has a
// language choice (issue 16 moves the rest of portal/strings.ts into this catalogue).
import english from '../extension/_locales/en/messages.json';
import { createTranslator, localeMessagesSchema } from '../src/i18n';

export const PORTAL_LANGUAGE = 'en';

export const translate = createTranslator(localeMessagesSchema.parse(english));
