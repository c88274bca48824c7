import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '../i18n';
import type { Client } from '../messages';

/** Calls `listener` whenever the background's stored state changes; returns the unsubscribe function. */
export type SubscribeToChanges = (listener: () => void) => () => void;

/** What every extension page needs: a translator, its language (for `src/format`) and a typed client. */
export interface PageContextValue {
  t: Translate;
  send: Client;
  /** The language the page is shown in ("en", "ru"), for dates, times, sizes and plural forms. */
  language: string;
  /** The background's push: pages ask again when it fires, so nothing shown goes stale. */
  subscribe?: SubscribeToChanges;
}

export const PageContext = createContext<PageContextValue | null>(null);

export function usePage(): PageContextValue {
  const value = useContext(PageContext);
  if (!value) throw new Error('usePage outside a PageContext provider');
  return value;
}
