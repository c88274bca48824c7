/**
 * The password rules a person can check while typing, shared by the server and the extension's forms.
 * Strength (common or guessable passwords) is judged by the server on top of these.
 */
export const passwordRuleCodes = [
  'minLength',
  'digit',
  'upperLatin',
  'lowerLatin',
  'noSpaces',
  'maxLength',
  'weak',
] as const;
export type PasswordRule = (typeof passwordRuleCodes)[number];

export const PASSWORD_MIN_LENGTH = 8;
// Argon2 hashes any length, but a cap keeps a megabyte "password" from costing server time.
export const PASSWORD_MAX_LENGTH = 128;

export const passwordRuleMessages: Record<PasswordRule, string> = {
  minLength: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  digit: 'Include at least one digit (0-9).',
  upperLatin: 'Include at least one upper-case Latin letter (A-Z).',
  lowerLatin: 'Include at least one lower-case Latin letter (a-z).',
  noSpaces: 'Do not use spaces.',
  maxLength: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  weak: 'This password is too common or too easy to guess; choose a less predictable one.',
};

/** The rules `password` breaks, in a stable order; empty when it passes every syntactic rule. */
export function failedPasswordRules(password: string): PasswordRule[] {
  const failed: PasswordRule[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) failed.push('minLength');
  if (!/[0-9]/.test(password)) failed.push('digit');
  if (!/[A-Z]/.test(password)) failed.push('upperLatin');
  if (!/[a-z]/.test(password)) failed.push('lowerLatin');
  if (/\s/u.test(password)) failed.push('noSpaces');
  if ([...password].length > PASSWORD_MAX_LENGTH) failed.push('maxLength');
  return failed;
}
