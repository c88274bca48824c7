import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTranslator, localeMessagesSchema } from '../../../src/i18n';

const locale = (lang: string) =>
  localeMessagesSchema.parse(JSON.parse(readFileSync(`extension/_locales/${lang}/messages.json`, 'utf8')));

describe('createTranslator', () => {
  const t = createTranslator(
    {
      plain: { message: 'Hello' },
      numbered: { message: 'Used $1 of $2' },
      named: { message: 'Hi $NAME$, $$5', placeholders: { name: { content: '$1' } } },
    },
    { onlyInFallback: { message: 'Fallback' } },
  );

  it.each([
    ['plain', [], 'Hello'],
    ['numbered', ['10 MB', '200 MB'], 'Used 10 MB of 200 MB'],
    ['numbered', ['10 MB'], 'Used 10 MB of '],
    ['named', ['Ann'], 'Hi Ann, $5'],
    ['onlyInFallback', [], 'Fallback'],
    ['missing', [], 'missing'],
  ])('%s with %j gives %s', (key, subs, expected) => {
    expect(t(key, subs)).toBe(expected);
  });
});

describe('bundled locales', () => {
  const en = locale('en');
  const ru = locale('ru');

  it('Russian translates every English key', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
  });

  it('keeps the same numbered substitutions in every translation', () => {
    const slots = (message: string) => [...message.matchAll(/\$[1-9]/g)].map((m) => m[0]).sort();
    for (const [key, entry] of Object.entries(en))
      expect(slots(ru[key]!.message), key).toEqual(slots(entry.message));
  });
});
