import { describe, expect, it } from 'vitest';
import { bestLanguage, textDirection } from '../../../src/i18n';
import { readChoice, resolveChoice, saveChoice, LANGUAGE_STORAGE_KEY } from '../../../portal/i18n/choice';

describe('bestLanguage', () => {
  it.each([
    [['ru-RU', 'en'], 'ru'],
    [['pt-BR', 'ru'], 'ru'],
    [['de-AT', 'en'], 'de'],
    [['fr-CA'], 'fr'],
    [['es-419'], 'es'],
    [['ar-EG', 'en'], 'ar'],
    [['EN-gb'], 'en'],
    [['zh-CN', 'ja'], 'en'],
    [[], 'en'],
  ])('%j gives %s', (preferred, expected) => {
    expect(bestLanguage(preferred)).toBe(expected);
  });
});

describe('textDirection', () => {
  it.each([
    ['ar', 'rtl'],
    ['ar-EG', 'rtl'],
    ['en', 'ltr'],
    ['ru', 'ltr'],
  ])('%s is %s', (language, direction) => {
    expect(textDirection(language)).toBe(direction);
  });
});

describe('the portal language choice', () => {
  const store = (initial: Record<string, string> = {}) => {
    const values = new Map(Object.entries(initial));
    return {
      values,
      getItem: (key: string) => values.get(key) ?? null,
      setItem: (key: string, value: string) => void values.set(key, value),
    };
  };

  it('follows the browser until the person picks a language, then keeps the pick', () => {
    const storage = store();
    expect(readChoice(storage)).toBe('auto');
    expect(resolveChoice(readChoice(storage), ['ru-RU'])).toBe('ru');
    saveChoice(storage, 'ar');
    expect(storage.values.get(LANGUAGE_STORAGE_KEY)).toBe('ar');
    expect(resolveChoice(readChoice(storage), ['ru-RU'])).toBe('ar');
  });

  it('ignores a stored value that is no language, and storage that throws', () => {
    expect(readChoice(store({ [LANGUAGE_STORAGE_KEY]: 'xx' }))).toBe('auto');
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(readChoice(broken)).toBe('auto');
    expect(() => saveChoice(broken, 'ru')).not.toThrow();
  });
});
