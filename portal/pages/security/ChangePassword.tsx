import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { ErrorNotice, SuccessNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { NewPasswordField, requireReadyPassword } from '../../components/PasswordRules';
import { SubmitButton } from '../../components/SubmitButton';
import { t } from '../../i18n';
import { useAction } from '../../useAction';

export function ChangePassword(): JSX.Element {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const change = useAction(async () => {
    setDone(false);
    requireReadyPassword(next);
    await api.changePassword(current, next);
    setCurrent('');
    setNext('');
    setDone(true);
  });
  return (
    <section aria-labelledby="password-title">
      <h2 id="password-title">{t('portal_security_passwordTitle')}</h2>
      <form onSubmit={(event) => (event.preventDefault(), void change.run())} noValidate>
        <Field
          id="current-password"
          label={t('portal_fields_currentPassword')}
          type="password"
          autoComplete="current-password"
          value={current}
          onInput={setCurrent}
        />
        <NewPasswordField
          id="changed-password"
          label={t('portal_fields_newPassword')}
          value={next}
          onInput={setNext}
        />
        <ErrorNotice error={change.error} />
        {done ? <SuccessNotice>{t('portal_security_passwordChanged')}</SuccessNotice> : null}
        <SubmitButton busy={change.busy} label={t('portal_security_changePassword')} />
      </form>
    </section>
  );
}
