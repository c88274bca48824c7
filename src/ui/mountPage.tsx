import { render, type ComponentType } from 'preact';
import type { RawSend, Request } from '../messages';
import { createClient } from '../messages';
import { primeClient } from './primeClient';
import { loadTranslator } from './loadTranslator';
import { PageContext } from './pageContext';
import { subscribeToStorage, type StorageChangeEvents } from './storageChanges';

/** The slice of the extension API a page needs at start-up; the page passes `webextension-polyfill` in. */
export interface PageBrowser {
  runtime: { sendMessage: RawSend; getURL(path: string): string };
  i18n: { getMessage(key: string, substitutions?: string | string[]): string };
  storage?: { onChanged: StorageChangeEvents };
}

export interface MountOptions {
  /**
   * What the page asks first, sent at once beside the translator's request instead of after it, so the
   * first render does not wait for two round trips to the background in a row (the popup's status).
   */
  early?: Request[];
}

/** Shared start-up of every extension page: client, translator, document language, then the page itself. */
export async function mountPage(
  Page: ComponentType,
  root: HTMLElement,
  api: PageBrowser,
  titleKey: string,
  options: MountOptions = {},
) {
  const send = primeClient(
    createClient((message) => api.runtime.sendMessage(message)),
    options.early ?? [],
  );
  const { t, language } = await loadTranslator({
    send,
    getMessage: (key, substitutions) => api.i18n.getMessage(key, substitutions),
    fetchLocale: async (lang) => (await fetch(api.runtime.getURL(`_locales/${lang}/messages.json`))).json(),
  });
  root.ownerDocument.documentElement.lang = language;
  root.ownerDocument.title = t(titleKey);
  render(
    <PageContext.Provider
      value={{ t, send, language, subscribe: subscribeToStorage(api.storage?.onChanged) }}
    >
      <Page />
    </PageContext.Provider>,
    root,
  );
}
