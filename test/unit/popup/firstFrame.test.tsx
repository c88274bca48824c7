// @vitest-environment happy-dom
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_STATUS_MARK } from '../../../popup/marks';
import {
  drawFirstFrame,
  FIRST_FRAME_ID,
  firstFrameTranslator,
  removeFirstFrame,
} from '../../../popup/firstFrame';
import { createTranslator, localeMessagesSchema, type LocaleMessages } from '../../../src/i18n';
import { FIRST_FRAME_MESSAGE_KEYS, firstFrameMessages } from '../../../src/storage/firstFrameMessages';
import {
  PUBLISHED_STATUS_KEY,
  publishedIn,
  type PublishedStatus,
} from '../../../src/storage/publishedStatus';
import { errorReasons } from '../../../src/status/stateNames';
import type { ConnectionStatus } from '../../../src/status/states';
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

/** The translator the popup's first script picks from what the background published (as it publishes it). */
const translator = async (language: PublishedStatus['language'] = 'auto', locale = 'en') => {
  const published: PublishedStatus = {
    status: statusIn.off(),
    language,
    ...(language === 'auto'
      ? {}
      : { messages: firstFrameMessages(await localeFile(language), await localeFile('en')) }),
  };
  return firstFrameTranslator(published, getMessage(locale))!;
};

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

afterEach(() => {
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('dir');
  performance.clearMarks();
});

describe("the popup's first frame", () => {
  it('draws the header and the status card from the published status, inert, and marks the first status', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    expect(drawFirstFrame(statusIn.on(), await translator(), document)).toBe(true);
    const frame = document.getElementById(FIRST_FRAME_ID)!;
    expect(frame.nextElementSibling?.id).toBe('root');
    expect(frame.querySelector('main.popup')?.hasAttribute('inert')).toBe(true);
    expect(frame.querySelector('[data-testid="connection-state"]')?.textContent).toBe('VPN is on');
    expect(frame.querySelector('[data-testid="vpn-toggle"]')?.textContent).toBe('Turn VPN off');
    expect(frame.querySelector('[data-testid="settings-button"]')).not.toBeNull();
    expect(document.title).toBe(englishText('popupTitle'));
    const [mark] = performance.getEntriesByName(FIRST_STATUS_MARK, 'mark') as PerformanceMark[];
    expect(mark?.detail).toEqual({ state: 'on', published: true, language: 'en' });
  });

  it("follows the browser's language and direction", async () => {
    document.body.innerHTML = '<div id="root"></div>';
    drawFirstFrame(statusIn.off(), await translator('auto', 'ar'), document);
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
  });

  it('reads in a language chosen in the settings, as the popup does from the whole locale file', async () => {
    const whole = { t: createTranslator(await localeFile('de'), await localeFile('en')), language: 'de' };
    for (const status of everyStatus) {
      document.body.innerHTML = '<div id="root"></div>';
      drawFirstFrame(status, await translator('de'), document);
      const drawn = document.getElementById(FIRST_FRAME_ID)!.innerHTML;
      document.body.innerHTML = '<div id="root"></div>';
      drawFirstFrame(status, whole, document);
      expect(drawn).toBe(document.getElementById(FIRST_FRAME_ID)!.innerHTML);
    }
    expect(document.documentElement.lang).toBe('de');
    expect(document.querySelector('[data-testid="connection-state"]')?.textContent).toBe('Abgemeldet');
  });

  it('leaves a chosen language published without its messages to the popup (a value of another version)', () => {
    const published: PublishedStatus = { status: statusIn.on(), language: 'de' };
    expect(firstFrameTranslator(published, getMessage())).toBeNull();
    // Messages not in a locale file's format are not drawn from at all.
    const items = (messages: unknown) => ({
      [PUBLISHED_STATUS_KEY]: { status: statusIn.on(), language: 'de', messages },
    });
    expect(publishedIn(items({ state_on: { message: 'VPN ist an' } }))).not.toBeNull();
    expect(publishedIn(items({ state_on: 'VPN ist an' }))).toBeNull();
  });

  it('publishes each message in the chosen language, in English where the language has none', () => {
    const chosen = { state_on: { message: 'VPN ist an' }, unrelated: { message: 'x' } };
    const english = { state_on: { message: 'VPN is on' }, state_off: { message: 'VPN is off' } };
    expect(firstFrameMessages(chosen, english)).toEqual({
      state_on: { message: 'VPN ist an' },
      state_off: { message: 'VPN is off' },
    });
  });

  it('shows, in every state, only messages published for it', () => {
    const shown = new Set<string>();
    const recording = (key: string) => (shown.add(key), key);
    for (const status of everyStatus) {
      document.body.innerHTML = '<div id="root"></div>';
      drawFirstFrame(status, { t: recording, language: 'en' }, document);
    }
    expect([...shown].filter((key) => !FIRST_FRAME_MESSAGE_KEYS.includes(key))).toEqual([]);
    expect(shown.size).toBeGreaterThan(10);
  });

  it('is removed once the popup has drawn itself', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    drawFirstFrame(statusIn.on(), await translator(), document);
    removeFirstFrame(document);
    expect(document.getElementById(FIRST_FRAME_ID)).toBeNull();
    expect(document.getElementById('root')).not.toBeNull();
  });
});
