// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_STATUS_MARK } from '../../../popup/marks';
import { drawFirstFrame, FIRST_FRAME_ID, removeFirstFrame } from '../../../popup/firstFrame';
import type { PublishedStatus } from '../../../src/storage/publishedStatus';
import { englishText } from '../../fakes/renderPage';
import { statusIn } from '../../fakes/popupStates';

const published = (status = statusIn.on(), language: PublishedStatus['language'] = 'auto'): PublishedStatus => ({
  status,
  language,
});
/** The browser's `i18n.getMessage` in English, or in Arabic as far as its locale goes. */
const getMessage =
  (locale = 'en') =>
  (key: string, substitutions?: string[]) =>
    key === '@@ui_locale' ? locale : englishText(key, substitutions);

afterEach(() => {
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('dir');
  performance.clearMarks();
});

describe("the popup's first frame", () => {
  it('draws the header and the status card from the published status, inert, and marks the first status', () => {
    document.body.innerHTML = '<div id="root"></div>';
    expect(drawFirstFrame(published(statusIn.on()), getMessage(), document)).toBe(true);
    const frame = document.getElementById(FIRST_FRAME_ID)!;
    expect(frame.nextElementSibling?.id).toBe('root');
    expect(frame.querySelector('main.popup')?.hasAttribute('inert')).toBe(true);
    expect(frame.querySelector('[data-testid="connection-state"]')?.textContent).toBe('VPN is on');
    expect(frame.querySelector('[data-testid="vpn-toggle"]')?.textContent).toBe('Turn VPN off');
    expect(frame.querySelector('[data-testid="settings-button"]')).not.toBeNull();
    expect(document.title).toBe(englishText('popupTitle'));
    const [mark] = performance.getEntriesByName(FIRST_STATUS_MARK, 'mark') as PerformanceMark[];
    expect(mark?.detail).toEqual({ state: 'on', published: true });
  });

  it("follows the browser's language and direction", () => {
    document.body.innerHTML = '<div id="root"></div>';
    drawFirstFrame(published(statusIn.off()), getMessage('ar'), document);
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
  });

  it("leaves a language chosen in the settings to the popup's module, which reads its locale file", () => {
    document.body.innerHTML = '<div id="root"></div>';
    expect(drawFirstFrame(published(statusIn.on(), 'de'), getMessage(), document)).toBe(false);
    expect(document.getElementById(FIRST_FRAME_ID)).toBeNull();
    expect(performance.getEntriesByName(FIRST_STATUS_MARK, 'mark')).toEqual([]);
  });

  it('is removed once the popup has drawn itself', () => {
    document.body.innerHTML = '<div id="root"></div>';
    drawFirstFrame(published(), getMessage(), document);
    removeFirstFrame(document);
    expect(document.getElementById(FIRST_FRAME_ID)).toBeNull();
    expect(document.getElementById('root')).not.toBeNull();
  });
});
