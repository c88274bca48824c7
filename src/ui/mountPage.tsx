import { render, type ComponentType } from 'preact';
// Leaf modules, not the `messages` and `i18n` barrels, whose schemas would bring zod into every page's
// start-up (the popup's speed budget): replies are validated by the background that sends them.
import { createClient, type RawSend } from '../messages/client';
import type { Request } from '../messages/contract';
import { textDirection } from '../i18n/languages';
import { isolateSubstitutions } from '../i18n/translate';
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

/**
 * A page component. `earlyRequests` are what it asks first: sent at once beside the translator's request
 * instead of after it, so its first render does not wait for two round trips in a row (the popup's status).
 */
export type PageComponent = ComponentType & { earlyRequests?: readonly Request[] };

/** Shared start-up of every extension page: client, translator, document language, then the page itself. */
export async function mountPage(Page: PageComponent, root: HTMLElement, api: PageBrowser, titleKey: string) {
  const send = primeClient(
    createClient((message) => api.runtime.sendMessage(message)),
    Page.earlyRequests ?? [],
  );
  const { t: translate, language } = await loadTranslator({
    send,
    getMessage: (key, substitutions) => api.i18n.getMessage(key, substitutions),
    fetchLocale: async (lang) => (await fetch(api.runtime.getURL(`_locales/${lang}/messages.json`))).json(),
  });
  // Arabic reads right to left: the pages' CSS uses logical properties, so setting the direction mirrors them.
  const direction = textDirection(language);
  const t = isolateSubstitutions(translate, direction);
  root.ownerDocument.documentElement.lang = language;
  root.ownerDocument.documentElement.dir = direction;
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
