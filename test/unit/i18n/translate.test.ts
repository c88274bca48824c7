import { describe, expect, it } from 'vitest';
import { createTranslator, isolateSubstitutions } from '../../../src/i18n';

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

describe('isolateSubstitutions', () => {
  const t = createTranslator({ hint: { message: 'الرموز: $1' } });

  it('keeps each substitution in its own direction on a right-to-left page', () => {
    expect(isolateSubstitutions(t, 'rtl')('hint', ['XXXX-XXXX'])).toBe('الرموز: \u2068XXXX-XXXX\u2069');
  });

  it('leaves left-to-right pages as they are', () => {
    expect(isolateSubstitutions(t, 'ltr')('hint', ['XXXX-XXXX'])).toBe('الرموز: XXXX-XXXX');
  });
});
