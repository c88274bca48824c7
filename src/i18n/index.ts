export { createTranslator, isolateSubstitutions, type Translate } from './translate';
export { localeMessagesSchema, type LocaleMessages } from './localeMessages';
export { bestLanguage, isUiLanguage, textDirection, uiLanguages, type UiLanguage } from './languages';
