import { render, type ComponentType } from 'preact';
// Leaf modules, not the `messages` and `i18n` barrels, whose schemas would bring zod into every page's
// start-up (the popup's speed budget): replies are validated by the background that sends them.
import { createClient, type RawSend } from '../messages/client';
import type { RequestOf, RequestType, Responses } from '../messages/contract';
import type { Reply } from '../messages/reply';
import type { Language } from '../settings/schema';
import { loadTranslator } from './loadTranslator';
import { applyPageLanguage } from './pageLanguage';
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
 * reply in its `first` prop instead of a "Loading" line followed by a second render. When the page was
 * started with a published answer instead (`PageStart`), `firstPublished` is set: the page reads afresh at
 * once.
 */
export type PageComponent<T extends RequestType = RequestType> = ComponentType<{
  first?: Reply<Responses[T]>;
  firstPublished?: boolean;
}> & {
  firstRead?: RequestOf<T>;
};

/**
 * What a page can know before the background answers: the answer to its `firstRead` as the background last
 * published it, and the language setting. The popup's comes from `storage.session`
 * (src/storage/publishedStatus.ts).
 */
export interface PageStart<T> {
  first: Reply<T>;
  language: Language;
}

/** Shared start-up of every extension page: client, translator, document language, then the page itself. */
export async function mountPage<T extends RequestType>(
  Page: PageComponent<T>,
  root: HTMLElement,
  api: PageBrowser,
  titleKey: string,
  /** Resolves with what the page may draw without asking the background, or null when nothing is known. */
  start?: Promise<PageStart<Responses[T]> | null>,
) {
  const send = createClient((message) => api.runtime.sendMessage(message));
  const known = (await start) ?? null;
  const [translator, first] = await Promise.all([
    loadTranslator(
      {
        send,
        getMessage: (key, substitutions) => api.i18n.getMessage(key, substitutions),
        fetchLocale: async (lang) =>
          (await fetch(api.runtime.getURL(`_locales/${lang}/messages.json`))).json(),
      },
      known?.language,
    ),
    known !== null ? known.first : Page.firstRead === undefined ? undefined : send(Page.firstRead),
  ]);
  const { language } = translator;
  const t = applyPageLanguage(root.ownerDocument, translator, titleKey);
  render(
    <PageContext.Provider
      value={{ t, send, language, subscribe: subscribeToStorage(api.storage?.onChanged) }}
    >
      <Page
        {...(first === undefined ? {} : { first })}
        {...(known !== null ? { firstPublished: true } : {})}
      />
    </PageContext.Provider>,
    root,
  );
}
