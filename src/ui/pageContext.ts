import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '../i18n';
import type { Client } from '../messages';

/** What every extension page needs: a translator and a typed client for the background. */
export interface PageContextValue {
  t: Translate;
  send: Client;
  /** The page's language (a BCP 47 tag such as 'en' or 'ru'), for `Intl` dates, times and numbers. */
  language: string;
}

export const PageContext = createContext<PageContextValue | null>(null);

export function usePage(): PageContextValue {
  const value = useContext(PageContext);
  if (!value) throw new Error('usePage outside a PageContext provider');
  return value;
}
