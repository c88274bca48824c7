import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { patternErrorKeys } from '../../../src/rules';

describe('pattern error messages', () => {
  it.each(['en', 'ru'])('are all translated in %s', (lang) => {
    const messages = JSON.parse(readFileSync(`extension/_locales/${lang}/messages.json`, 'utf8')) as object;
    for (const key of Object.values(patternErrorKeys)) expect(messages).toHaveProperty(key);
  });
});
