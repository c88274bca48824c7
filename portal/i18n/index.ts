export {
  activeLanguage,
  dateOnly,
  dateTime,
  t,
  tCount,
  translate,
  type MessageKey,
  type PluralMessage,
} from './active';
export { I18nProvider, useI18n } from './I18nProvider';
export { LANGUAGE_STORAGE_KEY, languageChoiceSchema, type LanguageChoice } from './choice';
