import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { failedPasswordRules, type PasswordRule } from '../../src/api/password-rules';

// Built once: loading the dictionaries takes a few hundred milliseconds.
let factory: ZxcvbnFactory | undefined;
const strength = () =>
  (factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  }));

/**
 * Every rule the password breaks: the syntactic ones from the shared contract, plus `weak` when zxcvbn
 * scores it below 3 (common passwords, dictionary words with predictable substitutions, the email itself).
 */
export function checkPassword(password: string, userInputs: string[] = []): PasswordRule[] {
  const failed = failedPasswordRules(password);
  // Long inputs make zxcvbn slow; they already fail `maxLength`.
  if (!failed.includes('maxLength') && strength().check(password, userInputs).score < 3) failed.push('weak');
  return failed;
}
