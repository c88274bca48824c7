import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledLocaleMessages } from '../../../src/i18n/bundledLocale';
import { localeMessagesSchema, uiLanguages } from '../../../src/i18n';

// Pages read their locale file without zod (src/i18n/bundledLocale.ts); it must answer as the schema does.
const schemaSays = (file: unknown) => {
  const parsed = localeMessagesSchema.safeParse(file);
  return parsed.success ? parsed.data : null;
};

describe('a bundled locale file read without zod', () => {
  it.each(uiLanguages)('reads the %s file as the schema does', (language) => {
    const file: unknown = JSON.parse(readFileSync(`extension/_locales/${language}/messages.json`, 'utf8'));
    expect(bundledLocaleMessages(file)).toEqual(schemaSays(file));
    expect(bundledLocaleMessages(file)).not.toBeNull();
  });

  const files: [string, unknown][] = [
    [
      'a message with placeholders',
      { a: { message: '$N$', placeholders: { n: { content: '$1', example: '3' } } } },
    ],
    ['no messages', {}],
    ['not an object', 'messages'],
    ['a list', [{ message: 'x' }]],
    ['null', null],
    ['an entry without a message', { a: { description: 'x' } }],
    ['a message that is not text', { a: { message: 3 } }],
    ['a description that is not text', { a: { message: 'x', description: 3 } }],
    ['placeholders that are not an object', { a: { message: 'x', placeholders: 'n' } }],
    ['a placeholder without content', { a: { message: 'x', placeholders: { n: { example: '3' } } } }],
    [
      'a placeholder example that is not text',
      { a: { message: 'x', placeholders: { n: { content: '$1', example: 3 } } } },
    ],
  ];
  it.each(files)('agrees with the schema on %s', (_name, file) => {
    expect(bundledLocaleMessages(file)).toEqual(schemaSays(file));
  });
});
