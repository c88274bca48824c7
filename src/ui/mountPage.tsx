import { render, type ComponentType } from 'preact';
// Leaf modules, not the `messages` and `i18n` barrels, whose schemas would bring zod into every page's
// start-up (the popup's speed budget): replies are validated by the background that sends them.
import { createClient, type RawSend } from '../messages/client';
import type { RequestOf, RequestType, Responses } from '../messages/contract';
import type { Reply } from '../messages/reply';
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

/**
 * A page component. A page whose first render is only worth drawing with one answer (the popup: its status)
 * names that request in `firstRead`: it is read beside the translator, and the page is first drawn with the
 * reply in its `first` prop instead of a "Loading" line followed by a second render.
 */
export type PageComponent<T extends RequestType = RequestType> = ComponentType<{
  first?: Reply<Responses[T]>;
}> & {
  firstRead?: RequestOf<T>;
};

/** Shared start-up of every extension page: client, translator, document language, then the page itself. */
export async function mountPage<T extends RequestType>(
  Page: PageComponent<T>,
  root: HTMLElement,
  api: PageBrowser,
  titleKey: string,
) {
  const send = createClient((message) => api.runtime.sendMessage(message));
  const [{ t: translate, language }, first] = await Promise.all([
    loadTranslator({
      send,
      getMessage: (key, substitutions) => api.i18n.getMessage(key, substitutions),
      fetchLocale: async (lang) => (await fetch(api.runtime.getURL(`_locales/${lang}/messages.json`))).json(),
    }),
    Page.firstRead === undefined ? undefined : send(Page.firstRead),
  ]);
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
      <Page {...(first === undefined ? {} : { first })} />
    </PageContext.Provider>,
    root,
  );
}
