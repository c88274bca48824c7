import type { JSX } from 'preact';
import { failedPasswordRules, type PasswordRule } from '../../src/api/password-rules';
import { ApiFailure } from '../api';
import { t } from '../i18n';
import { passwordRuleText } from '../passwordRuleText';
import { Field } from './Field';

// The rules a person can check while typing; "too common" is the service's verdict on submit.
const LIVE_RULES: PasswordRule[] = ['minLength', 'digit', 'upperLatin', 'lowerLatin', 'noSpaces'];

/** Before a new password is sent: refuses it, pointing at the rules, while any rule the page checks fails. */
export function requireReadyPassword(password: string): void {
  if (failedPasswordRules(password).length > 0)
    throw new ApiFailure('weakPassword', t('portal_rules_fixFirst'));
}

/** A new-password field with its rules list under it, tied to it for screen readers as `<id>-rules`. */
export function NewPasswordField(props: {
  id: string;
  label: string;
  value: string;
  onInput(value: string): void;
  invalid?: boolean | undefined;
}): JSX.Element {
  const rulesId = `${props.id}-rules`;
  return (
    <Field {...props} type="password" autoComplete="new-password" describedBy={rulesId}>
      <PasswordRules id={rulesId} password={props.value} />
    </Field>
  );
}

/** The password rules, each marked met or missing as the person types. */
export function PasswordRules({ id, password }: { id: string; password: string }): JSX.Element {
  const failed = new Set(failedPasswordRules(password));
  const shown = failed.has('maxLength') ? [...LIVE_RULES, 'maxLength' as const] : LIVE_RULES;
  return (
    <div id={id} class="rules" data-testid="password-rules">
      <p class="muted">{t('portal_rules_heading')}</p>
      <ul>
        {shown.map((rule) => {
          const met = password.length > 0 && !failed.has(rule);
          return (
            <li key={rule} class={met ? 'met' : 'unmet'} data-rule={rule} data-met={String(met)}>
              <span aria-hidden="true">{met ? '✓' : '•'}</span> {passwordRuleText(rule)}
              <span class="visually-hidden"> ({met ? t('portal_rules_met') : t('portal_rules_unmet')})</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
