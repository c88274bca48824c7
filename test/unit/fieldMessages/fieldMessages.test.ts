import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { activateRequest, signInRequest } from '../../../src/api';
import { allFieldMessageKeys, fieldMessages, settingsFileMessage } from '../../../src/fieldMessages';
import { createTranslator, localeMessagesSchema } from '../../../src/i18n';
import { selfHostedGatewaySchema } from '../../../src/settings';

const locale = (lang: string) =>
  localeMessagesSchema.parse(JSON.parse(readFileSync(`extension/_locales/${lang}/messages.json`, 'utf8')));
const en = createTranslator(locale('en'));
const ru = createTranslator(locale('ru'));

const issuesOf = (
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: unknown[] } } },
  input: unknown,
) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a failure');
  return result.error!.issues as { path: PropertyKey[]; code: string }[];
};

describe('fieldMessages', () => {
  it('says what to type in an empty sign-in form, one sentence per field', () => {
    const input = { email: '', password: '' };
    const messages = fieldMessages(issuesOf(signInRequest, input), input);
    expect(messages.map((m) => [m.field, en(m.messageKey, m.substitutions)])).toEqual([
      ['email', 'Enter your email address.'],
      ['password', 'Enter a password.'],
    ]);
    expect(messages.map((m) => ru(m.messageKey, m.substitutions))).toEqual([
      'Введите адрес электронной почты.',
      'Введите пароль.',
    ]);
  });

  it('tells a malformed address from an empty one', () => {
    const input = { email: 'not an address', password: 'x' };
    const [message] = fieldMessages(issuesOf(signInRequest, input), input);
    expect(en(message!.messageKey)).toBe('Enter a valid email address, such as name@example.com.');
  });

  it('reads the API’s details.issues (dotted paths, no zod text) the same way', () => {
    const input = { email: '', password: '' };
    const fromApi = [
      { path: 'email', message: 'Invalid email address' },
      { path: 'password', message: 'Too small: expected string to have >=1 characters' },
    ];
    expect(fieldMessages(fromApi, input).map((m) => en(m.messageKey))).toEqual([
      'Enter your email address.',
      'Enter a password.',
    ]);
  });

  it('gives a bad activation code the same words as the service’s answer for an unknown one', () => {
    const input = { code: 'ABCD-1111-EFGH' };
    const [message] = fieldMessages(issuesOf(activateRequest, input), input, { code: 'activationCode' });
    expect(message).toEqual({
      field: 'code',
      messageKey: 'apiError_invalidActivationCode',
      substitutions: [],
    });
    expect(en(message!.messageKey)).toBe('This activation code is invalid or was already used.');
    expect(ru(message!.messageKey)).toBe('Код активации недействителен или уже использован.');
  });

  it('reports an empty gateway host once, not once per broken rule', () => {
    const input = { scheme: 'HTTPS', host: '', port: 0, username: '', password: '' };
    const messages = fieldMessages(issuesOf(selfHostedGatewaySchema, input), input, {
      host: 'gatewayHost',
      port: 'gatewayPort',
    });
    expect(messages.map((m) => en(m.messageKey))).toEqual([
      "Enter the gateway's host name or IP address.",
      'The port is a whole number from 1 to 65535.',
    ]);
  });

  it('prefers "missing" even when the field’s first issue was another one', () => {
    const messages = fieldMessages(
      [
        { path: ['host'], code: 'invalid_format' },
        { path: ['host'], code: 'too_small' },
      ],
      { host: '  ' },
      { host: 'gatewayHost' },
    );
    expect(messages).toEqual([
      { field: 'host', messageKey: 'fieldError_gatewayHost_missing', substitutions: [] },
    ]);
  });

  it('says "too long" when the value is too long', () => {
    const [message] = fieldMessages(
      [{ path: ['host'], code: 'too_big' }],
      { host: 'a'.repeat(300) },
      {
        host: 'gatewayHost',
      },
    );
    expect(en(message!.messageKey)).toBe('A host name can be at most 253 characters long.');
  });

  it('reads a union that matched no branch by its first branch’s fields', () => {
    const union = {
      path: [],
      code: 'invalid_union',
      errors: [[{ path: ['code'], code: 'invalid_format' }], []],
    };
    const [message] = fieldMessages([union], { code: '' }, { code: 'totpCode' });
    expect(en(message!.messageKey)).toBe('Enter the six-digit code from your authenticator app.');
    expect(en(fieldMessages([{ path: [], code: 'custom' }], {})[0]!.messageKey)).toBe(
      'Check the details you entered.',
    );
  });

  it('names an unknown field by its path rather than dumping the schema', () => {
    const [message] = fieldMessages([{ path: ['nested', 0, 'x'], code: 'invalid_type' }], {
      nested: [{ x: 1 }],
    });
    expect(en(message!.messageKey, message!.substitutions)).toBe('The value of “nested.0.x” is not valid.');
  });
});

describe('settingsFileMessage', () => {
  it('names the first broken value of a settings file, past the version', () => {
    const message = settingsFileMessage([{ path: ['version'] }, { path: ['siteRules', 3, 'pattern'] }]);
    expect(en(message.messageKey)).toBe('The site rules in this file are not valid. Nothing was changed.');
    expect(ru(message.messageKey)).toBe('В этом файле неверные правила для сайтов. Ничего не изменено.');
    expect(en(settingsFileMessage([{ path: ['version'] }]).messageKey)).toBe(
      'This file holds values Rampart cannot use. Nothing was changed.',
    );
  });
});

describe('catalogue', () => {
  it('has every key it can answer with in every language', () => {
    for (const lang of ['en', 'ru']) {
      const messages = locale(lang);
      expect(
        allFieldMessageKeys().filter((key) => !(key in messages)),
        lang,
      ).toEqual([]);
    }
  });
});
