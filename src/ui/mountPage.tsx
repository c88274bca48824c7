import { render, type ComponentType } from 'preact';
// Leaf modules, not the `messages` and `i18n` barrels, whose schemas would bring zod into every page's
// start-up (the popup's speed budget): replies are validated by the background that sends them.
import { createClient, type RawSend } from '../messages/client';
import { textDirection } from '../i18n/languages';
import { isolateSubstitutions } from '../i18n/translate';
import { loadTranslator } from './loadTranslator';
import { PageContext } from './pageContext';
import { subscribeToStorage, type StorageChangeEvents } from './storageChanges';

/** The slice of the extension API a page needs at start-up; the page passes `webextension-polyfill` in. */
export interface PageBrowser {
  runtime: { sendMessage: RawSend; getURL(path: string): string };
  i18n: { getMessage(key: string, substitutions?: string | string[]): string };
  storage?: { onChanged: StorageChangeEvents };
}

/** Shared start-up of every extension page: client, translator, document language, then the page itself. */
export async function mountPage(Page: ComponentType, root: HTMLElement, api: PageBrowser, titleKey: string) {
  const send = createClient((message) => api.runtime.sendMessage(message));
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
