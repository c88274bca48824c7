import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { SubmitButton } from '../../components/SubmitButton';
import { t } from '../../i18n';
import { useAction } from '../../useAction';

/** Turning 2FA off asks for both factors, so a stolen session alone cannot weaken the account. */
export function DisableTwoFactor({ onDisabled }: { onDisabled(): Promise<void> }): JSX.Element {
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const disable = useAction(async () => {
    await api.twoFactorDisable(password, code.replace(/\s/g, ''));
    await onDisabled();
  });
  return (
    <form
      onSubmit={(event) => (event.preventDefault(), void disable.run())}
      noValidate
      aria-labelledby="disable-title"
    >
      <h3 id="disable-title">{t('portal_security_disableTitle')}</h3>
      <Field
        id="disable-password"
        label={t('portal_fields_password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onInput={setPassword}
      />
      <Field
        id="disable-code"
        label={t('portal_fields_code')}
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
        onInput={setCode}
      />
      <ErrorNotice error={disable.error} />
      <SubmitButton variant="danger" busy={disable.busy} label={t('portal_security_disable')} />
    </form>
  );
}
