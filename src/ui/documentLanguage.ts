// Runs in the popup's first script too (popup/publishedFrame.ts): no package, nothing else imported.

/** A page's language as its document carries it: `lang`, direction, and the title in that language. */
export interface DocumentLanguage {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
}

/** Gives the document its language, direction and title. */
export function setDocumentLanguage(document: Document, { lang, dir, title }: DocumentLanguage): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = dir;
  document.title = title;
}
