// How a page takes on its language: shared by `mountPage` and the background, which draws the popup's first
// frame in the page's language (./popupTop/firstFrame.tsx). Kept free of zod, as everything the popup loads
// before its first status.
import { bestLanguage, textDirection } from '../i18n/languages';
import { isolateSubstitutions, type Translate } from '../i18n/translate';

/** The browser's own `i18n.getMessage`. */
export type GetMessage = (key: string, substitutions?: string[]) => string;

/** The translator for the browser's language (the setting 'auto'): its messages, the key when one is missing. */
export function browserTranslator(getMessage: GetMessage): { t: Translate; language: string } {
  return {
    t: (key, substitutions) => getMessage(key, substitutions ? [...substitutions] : undefined) || key,
    language: bestLanguage([getMessage('@@ui_locale')]),
  };
}

/**
 * Sets the document's language, direction and title, and returns the translator the page draws with. Arabic
 * reads right to left: the pages' CSS uses logical properties, so setting the direction mirrors them, and
 * substitutions (addresses, names) are isolated so they keep their own direction.
 */
export function applyPageLanguage(
  document: Document,
  { t: translate, language }: { t: Translate; language: string },
  titleKey: string,
): Translate {
  const direction = textDirection(language);
  const t = isolateSubstitutions(translate, direction);
  document.documentElement.lang = language;
  document.documentElement.dir = direction;
  document.title = t(titleKey);
  return t;
}
