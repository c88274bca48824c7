import { createContext, type ComponentChildren, type JSX } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { textDirection, type UiLanguage } from '../../src/i18n';
import { activate, activeLanguage, t } from './active';
import { loadCatalogue } from './catalogues';
import { readChoice, resolveChoice, saveChoice, type LanguageChoice } from './choice';

interface I18n {
  /** The language the portal speaks now. */
  language: UiLanguage;
  /** What the person picked in the header: a language, or `auto` for the browser's. */
  choice: LanguageChoice;
  choose(choice: LanguageChoice): void;
  t: typeof t;
}

const I18nContext = createContext<I18n>({ language: 'en', choice: 'auto', choose: () => undefined, t });

/** The portal's language and the way to change it; components that call it re-render when it changes. */
export const useI18n = (): I18n => useContext(I18nContext);

const storage = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

async function switchTo(language: UiLanguage): Promise<void> {
  activate(language, language === 'en' ? {} : await loadCatalogue(language));
  const root = document.documentElement;
  root.lang = language;
  root.dir = textDirection(language);
}

/**
 * Loads the chosen language before the first render (English needs no load), then keeps `<html lang dir>`
 * and the catalogue in step with the choice.
 */
export function I18nProvider({ children }: { children: ComponentChildren }): JSX.Element | null {
  const [choice, setChoice] = useState<LanguageChoice>(() => readChoice(storage()));
  const [language, setLanguage] = useState<UiLanguage | null>(null);
  useEffect(() => {
    let current = true;
    const wanted = resolveChoice(choice, navigator.languages);
    switchTo(wanted)
      .catch(() => switchTo('en'))
      .then(() => current && setLanguage(activeLanguage()))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [choice]);
  if (language === null) return null;
  const choose = (next: LanguageChoice) => {
    saveChoice(storage(), next);
    setChoice(next);
  };
  return <I18nContext.Provider value={{ language, choice, choose, t }}>{children}</I18nContext.Provider>;
}
