// @vitest-environment happy-dom
import { readFile } from 'node:fs/promises';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FirstFrame, renderFirstFrame } from '../../../src/ui/popupTop/firstFrame';
import { FIRST_STATUS_MARK } from '../../../popup/marks';
import { FIRST_FRAME_ID, removeFirstFrame, showPublishedFrame } from '../../../popup/publishedFrame';
import { createTranslator, localeMessagesSchema, type LocaleMessages } from '../../../src/i18n';
import type { Client } from '../../../src/messages/client';
import {
  PUBLISHED_STATUS_KEY,
  publishedIn,
  type PublishedStatus,
} from '../../../src/storage/publishedStatus';
import { errorReasons } from '../../../src/status/stateNames';
import type { ConnectionStatus } from '../../../src/status/states';
import { applyPageLanguage, browserTranslator } from '../../../src/ui/pageLanguage';
import { PageContext } from '../../../src/ui/pageContext';
import { englishText } from '../../fakes/renderPage';
import { statusIn } from '../../fakes/popupStates';

/** The browser's `i18n.getMessage` in English, or in Arabic as far as its locale goes. */
const getMessage =
  (locale = 'en') =>
  (key: string, substitutions?: string[]) =>
    key === '@@ui_locale' ? locale : englishText(key, substitutions);

const localeFile = async (language: string): Promise<LocaleMessages> =>
  localeMessagesSchema.parse(
    JSON.parse(await readFile(`extension/_locales/${language}/messages.json`, 'utf8')),
  );

/** What the background publishes: the status and the frame it drew from it. */
const published = (
  status: ConnectionStatus,
  translator = browserTranslator(getMessage()),
): PublishedStatus => ({
  status,
  language: 'auto',
  frame: renderFirstFrame(status, translator),
});

/** Every status the first frame draws differently. */
const everyStatus: ConnectionStatus[] = [
  statusIn.off(),
  statusIn.off({ proxyControlledByOther: true }),
  statusIn.connecting(),
  { ...statusIn.connecting(), reconnecting: true, failures: 1 } as ConnectionStatus,
  statusIn.on(),
  statusIn.limit(),
  ...errorReasons.map((reason) => ({ ...statusIn.error(), reason }) as ConnectionStatus),
  { ...statusIn.off(), state: 'loggedOut' } as ConnectionStatus,
];

const noClient: Client = () => Promise.reject(new Error('sends nothing'));

/** The frame as the popup's components draw it in the page (preact's DOM rendering), for comparison. */
function drawnInPage(status: ConnectionStatus, translator: { t: (key: string) => string; language: string }) {
  const container = document.createElement('div');
  const t = applyPageLanguage(document, translator, 'popupTitle');
  render(
    <PageContext.Provider value={{ t, send: noClient, language: translator.language }}>
      <FirstFrame status={status} />
    </PageContext.Provider>,
    container,
  );
  return container.innerHTML;
}

afterEach(() => {
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('dir');
  document.documentElement.removeAttribute('lang');
  performance.clearMarks();
});

describe("the popup's first frame", () => {
  it('shows the header and the status card the background drew, inert, and marks the first status', () => {
    document.body.innerHTML = '<div id="root"></div>';
    expect(showPublishedFrame(published(statusIn.on()), document)).toBe(true);
    const frame = document.getElementById(FIRST_FRAME_ID)!;
    expect(frame.nextElementSibling?.id).toBe('root');
    expect(frame.querySelector('main.popup')?.hasAttribute('inert')).toBe(true);
    expect(frame.querySelector('[data-testid="connection-state"]')?.textContent).toBe('VPN is on');
    expect(frame.querySelector('[data-testid="vpn-toggle"]')?.textContent).toBe('Turn VPN off');
    expect(frame.querySelector('[data-testid="settings-button"]')).not.toBeNull();
    expect(document.title).toBe(englishText('popupTitle'));
    expect(document.documentElement.lang).toBe('en');
    const [mark] = performance.getEntriesByName(FIRST_STATUS_MARK, 'mark') as PerformanceMark[];
    expect(mark?.detail).toEqual({ state: 'on', published: true, language: 'en' });
  });

  it('is, in every state, what the popup’s components draw in the page', async () => {
    const german = { t: createTranslator(await localeFile('de'), await localeFile('en')), language: 'de' };
    for (const translator of [browserTranslator(getMessage()), german]) {
      for (const status of everyStatus) {
        document.body.innerHTML = '<div id="root"></div>';
        showPublishedFrame(published(status, translator), document);
        const shown = document.getElementById(FIRST_FRAME_ID)!.innerHTML;
        expect(shown).toBe(drawnInPage(status, translator));
      }
    }
    expect(document.documentElement.lang).toBe('de');
  });

  it('reads in the language it was drawn in, right to left in Arabic', async () => {
    const arabic = { t: createTranslator(await localeFile('ar'), await localeFile('en')), language: 'ar' };
    document.body.innerHTML = '<div id="root"></div>';
    showPublishedFrame(published(statusIn.on(), arabic), document);
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.title).toBe((await localeFile('ar'))['popupTitle']?.message);
    const [mark] = performance.getEntriesByName(FIRST_STATUS_MARK, 'mark') as PerformanceMark[];
    expect(mark?.detail).toEqual({ state: 'on', published: true, language: 'ar' });
  });

  it('escapes what it shows: a message cannot add markup', () => {
    const hostile = {
      t: (key: string) => (key === 'state_on' ? '<img src=x onerror=alert(1)>' : key),
      language: 'en',
    };
    document.body.innerHTML = '<div id="root"></div>';
    showPublishedFrame(published(statusIn.on(), hostile), document);
    const frame = document.getElementById(FIRST_FRAME_ID)!;
    expect(frame.querySelector('img[src="x"]')).toBeNull();
    expect(frame.querySelector('[data-testid="connection-state"]')?.textContent).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });

  it('leaves a status published without a frame (another version’s value) to the popup, and reads no odd frame', () => {
    document.body.innerHTML = '<div id="root"></div>';
    expect(showPublishedFrame({ status: statusIn.on(), language: 'auto' }, document)).toBe(false);
    expect(document.getElementById(FIRST_FRAME_ID)).toBeNull();
    expect(performance.getEntriesByName(FIRST_STATUS_MARK, 'mark')).toHaveLength(0);
    const items = (frame: unknown) => ({
      [PUBLISHED_STATUS_KEY]: { status: statusIn.on(), language: 'de', frame },
    });
    expect(
      publishedIn(items({ html: '<main></main>', lang: 'de', dir: 'ltr', title: 'Rampart' })),
    ).not.toBeNull();
    expect(
      publishedIn(items({ html: '<main></main>', lang: 'de', dir: 'sideways', title: 'Rampart' })),
    ).toBeNull();
    expect(publishedIn(items('<main></main>'))).toBeNull();
  });

  it('is removed once the popup has drawn itself', () => {
    document.body.innerHTML = '<div id="root"></div>';
    showPublishedFrame(published(statusIn.on()), document);
    removeFirstFrame(document);
    expect(document.getElementById(FIRST_FRAME_ID)).toBeNull();
    expect(document.getElementById('root')).not.toBeNull();
  });
});
