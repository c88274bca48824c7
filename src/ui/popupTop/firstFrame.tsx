import { renderToString } from 'preact-render-to-string';
import type { Client } from '../../messages/client';
import type { Translate } from '../../i18n/translate';
import type { ConnectionStatus } from '../../status/states';
import type { PublishedFrame } from '../../storage/publishedStatus';
import { PageContext } from '../pageContext';
import { pageLanguage } from '../pageLanguage';
import { ConnectionPanel } from './ConnectionPanel';
import { PopupHeader } from './PopupHeader';

const nothing = () => undefined;
const noClient: Client = () => Promise.reject(new Error('The first frame sends nothing'));

/**
 * The popup's header and status card as the popup draws them, `inert` (nothing in it can be clicked or
 * focused) until the popup, drawn from the same status, takes its place a few tens of milliseconds later.
 */
export function FirstFrame({ status }: { status: ConnectionStatus }) {
  return (
    <main class="popup" inert>
      <PopupHeader onAccount={nothing} onSettings={nothing} />
      <ConnectionPanel status={status} busy={false} onToggle={nothing} />
    </main>
  );
}

/**
 * The first frame for `status` as markup, with the page's language, direction and title as the popup would take
 * them (`pageLanguage`). The background draws it each time it publishes the status (background/toolbar.ts),
 * with the translator the popup would draw with; the popup's first script only shows it (popup/publishedFrame.ts),
 * so the popup's first status costs no rendering code (issue 16's speed budget).
 */
export function renderFirstFrame(
  status: ConnectionStatus,
  translator: { t: Translate; language: string },
): PublishedFrame {
  const { t, document } = pageLanguage(translator, 'popupTitle');
  const html = renderToString(
    <PageContext.Provider value={{ t, send: noClient, language: translator.language }}>
      <FirstFrame status={status} />
    </PageContext.Provider>,
  );
  return { ...document, html };
}
