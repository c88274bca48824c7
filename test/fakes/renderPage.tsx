import { render } from '@testing-library/preact';
import type { ComponentChild } from 'preact';
import english from '../../extension/_locales/en/messages.json';
import { createTranslator, localeMessagesSchema } from '../../src/i18n';
import { PageContext } from '../../src/ui';
import type { FakeMessageClient } from './messageClient';

const t = createTranslator(localeMessagesSchema.parse(english));

/**
 * Renders an extension page's component as `mountPage` would, on a fake background: the English strings the
 * extension ships (so tests read what a user reads), the fake's client, and its push.
 */
export function renderPage(ui: ComponentChild, client: FakeMessageClient, language = 'en') {
  return render(
    <PageContext.Provider value={{ t, send: client.send, language, subscribe: client.subscribe }}>
      {ui}
    </PageContext.Provider>,
  );
}

export { t as englishText };
