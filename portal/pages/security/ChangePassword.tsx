import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { ErrorNotice, SuccessNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { NewPasswordField, requireReadyPassword } from '../../components/PasswordRules';
import { SubmitButton } from '../../components/SubmitButton';
import { strings } from '../../strings';
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
      <h2 id="password-title">{strings.security.passwordTitle}</h2>
      <form onSubmit={(event) => (event.preventDefault(), void change.run())} noValidate>
        <Field
          id="current-password"
          label={strings.fields.currentPassword}
          type="password"
          autoComplete="current-password"
          value={current}
          onInput={setCurrent}
        />
        <NewPasswordField
          id="changed-password"
          label={strings.fields.newPassword}
          value={next}
          onInput={setNext}
        />
        <ErrorNotice error={change.error} />
        {done ? <SuccessNotice>{strings.security.passwordChanged}</SuccessNotice> : null}
        <SubmitButton busy={change.busy} label={strings.security.changePassword} />
      </form>
    </section>
  );
}
