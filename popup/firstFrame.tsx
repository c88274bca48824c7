import { render } from 'preact';
import type { Client } from '../src/messages/client';
import type { ConnectionStatus } from '../src/status/states';
import { PageContext } from '../src/ui/pageContext';
import { createTranslator, type Translate } from '../src/i18n/translate';
import type { PublishedStatus } from '../src/storage/publishedStatus';
import { applyPageLanguage, browserTranslator, type GetMessage } from '../src/ui/pageLanguage';
import { ConnectionPanel } from './ConnectionPanel';
import { markFirstStatus } from './marks';
import { PopupHeader } from './PopupHeader';

/** The element the first frame is drawn in, just before the popup's root; the popup removes it once drawn. */
export const FIRST_FRAME_ID = 'first-frame';

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
 * The translator the first frame draws with, from what was published: the browser's own messages for the
 * browser's language, else the messages published with the status. Null when a language is chosen and none
 * were published (a value from another version): the popup's module then draws first, from the locale file.
 */
export function firstFrameTranslator(
  published: PublishedStatus,
  getMessage: GetMessage,
): { t: Translate; language: string } | null {
  if (published.language === 'auto') return browserTranslator(getMessage);
  if (published.messages === undefined) return null;
  return { t: createTranslator(published.messages), language: published.language };
}

/**
 * Draws the first frame from the published status, in the language `firstFrameTranslator` picked, before the
 * popup's modules have run (issue 16's speed budget: they take 10 to 30 ms more to load and run than the page's
 * first script). Returns whether it drew.
 */
export function drawFirstFrame(
  status: ConnectionStatus,
  translator: { t: Translate; language: string },
  document: Document,
): boolean {
  const root = document.getElementById('root');
  if (root === null) return false;
  const t = applyPageLanguage(document, translator, 'popupTitle');
  const frame = document.createElement('div');
  frame.id = FIRST_FRAME_ID;
  root.before(frame);
  render(
    <PageContext.Provider value={{ t, send: noClient, language: translator.language }}>
      <FirstFrame status={status} />
    </PageContext.Provider>,
    frame,
  );
  markFirstStatus({ state: status.state, published: true, language: translator.language });
  return true;
}

/** Removes the first frame, once the popup has drawn itself in its place. */
export function removeFirstFrame(document: Document): void {
  document.getElementById(FIRST_FRAME_ID)?.remove();
}
