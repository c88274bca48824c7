// The password rules in the portal's language; the service's English sentences (passwordRuleMessages) are
// for programs and logs.
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordRule } from '../src/api/password-rules';
import { formatCount } from '../src/format';
import { activeLanguage, t, type MessageKey } from './i18n';

const ruleKeys: Record<PasswordRule, MessageKey> = {
  minLength: 'passwordRule_minLength',
  digit: 'passwordRule_digit',
  upperLatin: 'passwordRule_upperLatin',
  lowerLatin: 'passwordRule_lowerLatin',
  noSpaces: 'passwordRule_noSpaces',
  maxLength: 'passwordRule_maxLength',
  weak: 'passwordRule_weak',
};

const lengths: Partial<Record<PasswordRule, number>> = {
  minLength: PASSWORD_MIN_LENGTH,
  maxLength: PASSWORD_MAX_LENGTH,
};

export function passwordRuleText(rule: PasswordRule): string {
  const length = lengths[rule];
  return t(ruleKeys[rule], length === undefined ? [] : [formatCount(length, activeLanguage())]);
}
