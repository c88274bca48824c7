export { createTranslator, localeMessagesSchema, type LocaleMessages, type Translate } from './translate';
export { bestLanguage, isUiLanguage, textDirection, uiLanguages, type UiLanguage } from './languages';
