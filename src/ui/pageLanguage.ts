// How a page takes on its language: shared by `mountPage` and the background, which draws the popup's first
// frame in the page's language (./popupTop/firstFrame.tsx). Kept free of zod, as everything the popup loads
// before its first status.
import { bestLanguage, textDirection } from '../i18n/languages';
import { isolateSubstitutions, type Translate } from '../i18n/translate';
import { setDocumentLanguage, type DocumentLanguage } from './documentLanguage';

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
 * The translator a page draws with, and its document's language, direction and title. Arabic reads right to
 * left: the pages' CSS uses logical properties, so setting the direction mirrors them, and substitutions
 * (addresses, names) are isolated so they keep their own direction. The background draws the popup's first
 * frame with this too (./popupTop/firstFrame.tsx), without a document.
 */
export function pageLanguage(
  { t: translate, language }: { t: Translate; language: string },
  titleKey: string,
): { t: Translate; document: DocumentLanguage } {
  const dir = textDirection(language);
  const t = isolateSubstitutions(translate, dir);
  return { t, document: { lang: language, dir, title: t(titleKey) } };
}

/** Sets the document's language, direction and title (`pageLanguage`), and returns the translator to draw with. */
export function applyPageLanguage(
  document: Document,
  translator: { t: Translate; language: string },
  titleKey: string,
): Translate {
  const page = pageLanguage(translator, titleKey);
  setDocumentLanguage(document, page.document);
  return page.t;
}
