// @vitest-environment happy-dom
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_STATUS_MARK } from '../../../popup/marks';
import { drawFirstFrame, FIRST_FRAME_ID, removeFirstFrame } from '../../../popup/firstFrame';
import { FIRST_FRAME_MESSAGE_KEYS } from '../../../popup/firstFrameMessages';
import { localeSubset } from '../../../scripts/firstFrameLocales';
import { errorReasons } from '../../../src/status/stateNames';
import type { ConnectionStatus } from '../../../src/status/states';
import { translatorFor } from '../../../src/ui/loadTranslator';
import type { Language } from '../../../src/settings/schema';
import { englishText } from '../../fakes/renderPage';
import { statusIn } from '../../fakes/popupStates';

/** The browser's `i18n.getMessage` in English, or in Arabic as far as its locale goes. */
const getMessage =
  (locale = 'en') =>
  (key: string, substitutions?: string[]) =>
    key === '@@ui_locale' ? locale : englishText(key, substitutions);

const localeFile = async (language: string) =>
  JSON.parse(await readFile(`extension/_locales/${language}/messages.json`, 'utf8')) as Record<
    string,
    unknown
  >;

/**
 * The translator the popup's first script picks for a language setting: from the messages the build puts
 * aside for the first frame (scripts/firstFrameLocales.ts), as the first script reads them.
 */
const translator = (setting: Language = 'auto', locale = 'en') =>
  translatorFor(setting, {
    getMessage: getMessage(locale),
    fetchLocale: async (language) =>
      localeSubset(await localeFile(language), FIRST_FRAME_MESSAGE_KEYS, language),
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
    const whole = await translatorFor('de', {
      getMessage: getMessage(),
      fetchLocale: localeFile,
    });
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

  it('shows, in every state, only messages the build puts aside for it', () => {
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
