import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/i18n';

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
