import { render, type ComponentType } from 'preact';
import type { RawSend } from '../messages';
import { createClient } from '../messages';
import { isolateSubstitutions, textDirection } from '../i18n';
import { loadTranslator } from './loadTranslator';
import { PageContext, type SubscribeToChanges } from './pageContext';
import { watchedValueChanged } from './storageChanges';

type StorageListener = (changes: Record<string, unknown>, area: string) => void;

/** The slice of the extension API a page needs at start-up; the page passes `webextension-polyfill` in. */
export interface PageBrowser {
  runtime: { sendMessage: RawSend; getURL(path: string): string };
  i18n: { getMessage(key: string, substitutions?: string | string[]): string };
  storage?: {
    onChanged: { addListener(l: StorageListener): void; removeListener(l: StorageListener): void };
  };
}

/** The background writes its state to storage; `storage.onChanged` is the push every page listens to. */
const storageChanges =
  (api: PageBrowser): SubscribeToChanges =>
  (listener) => {
    const onChanged: StorageListener = (changes) => {
      if (watchedValueChanged(changes)) listener();
    };
    api.storage?.onChanged.addListener(onChanged);
    return () => api.storage?.onChanged.removeListener(onChanged);
  };

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
    <PageContext.Provider value={{ t, send, language, subscribe: storageChanges(api) }}>
      <Page />
    </PageContext.Provider>,
    root,
  );
}
