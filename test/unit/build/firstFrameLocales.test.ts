import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIRST_FRAME_MESSAGE_KEYS } from '../../../popup/firstFrameMessages';
import { localeSubset } from '../../../scripts/firstFrameLocales';
import { uiLanguages } from '../../../src/i18n';

describe("the popup's first-frame messages (build)", () => {
  it('keeps the named entries of a locale file as they are, placeholders included', () => {
    const messages = {
      a: { message: 'A' },
      b: { message: '$N$', placeholders: { n: { content: '$1' } } },
      c: { message: 'C' },
    };
    expect(localeSubset(messages, ['b', 'a'], 'xx')).toEqual({ b: messages.b, a: messages.a });
  });

  it('refuses a locale file without one of them, naming the language and the message', () => {
    expect(() => localeSubset({ a: { message: 'A' } }, ['a', 'gone'], 'xx')).toThrow(
      '_locales/xx has no message gone',
    );
  });

  it.each(uiLanguages)('finds every message the first frame shows in the %s file', (language) => {
    const messages = JSON.parse(
      readFileSync(`extension/_locales/${language}/messages.json`, 'utf8'),
    ) as Record<string, unknown>;
    expect(Object.keys(localeSubset(messages, FIRST_FRAME_MESSAGE_KEYS, language))).toHaveLength(
      FIRST_FRAME_MESSAGE_KEYS.length,
    );
  });
});
