// @vitest-environment happy-dom
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_STATUS_MARK } from '../../../popup/marks';
import { drawFirstFrame, FIRST_FRAME_ID, removeFirstFrame } from '../../../popup/firstFrame';
import { translatorFor } from '../../../src/ui/loadTranslator';
import type { Language } from '../../../src/settings/schema';
import { englishText } from '../../fakes/renderPage';
import { statusIn } from '../../fakes/popupStates';

/** The browser's `i18n.getMessage` in English, or in Arabic as far as its locale goes. */
const getMessage =
  (locale = 'en') =>
  (key: string, substitutions?: string[]) =>
    key === '@@ui_locale' ? locale : englishText(key, substitutions);

/** The translator the popup's first script picks for a language setting, from the bundled locale files. */
const translator = (setting: Language = 'auto', locale = 'en') =>
  translatorFor(setting, {
    getMessage: getMessage(locale),
    fetchLocale: async (language) =>
      JSON.parse(await readFile(`extension/_locales/${language}/messages.json`, 'utf8')) as unknown,
  });

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

  it('reads in a language chosen in the settings, from its bundled locale file', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const german = JSON.parse(await readFile('extension/_locales/de/messages.json', 'utf8')) as Record<
      string,
      { message: string }
    >;
    drawFirstFrame(statusIn.off(), await translator('de'), document);
    const frame = document.getElementById(FIRST_FRAME_ID)!;
    expect(document.documentElement.lang).toBe('de');
    expect(frame.querySelector('[data-testid="connection-state"]')?.textContent).toBe(
      german['state_off']!.message,
    );
  });

  it('is removed once the popup has drawn itself', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    drawFirstFrame(statusIn.on(), await translator(), document);
    removeFirstFrame(document);
    expect(document.getElementById(FIRST_FRAME_ID)).toBeNull();
    expect(document.getElementById('root')).not.toBeNull();
  });
});
