export { createTranslator, localeMessagesSchema, type LocaleMessages, type Translate } from './translate';
