import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { passwordResetRequest } from '../../src/api';
import { api } from '../api';
import { MailSent } from '../components/MailSent';
import { ErrorNotice, SuccessNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { NewPasswordField, requireReadyPassword } from '../components/PasswordRules';
import { SubmitButton } from '../components/SubmitButton';
import { paths } from '../paths';
import { Link, useLocation } from '../router';
import { t } from '../i18n';
import { useAction } from '../useAction';
import { requireValid } from '../validate';

/** Without a token: ask for the mail. With the mailed `?token=`: choose the new password. */
export function ResetPassword(): JSX.Element {
  const token = useLocation().query.get('token');
  return token ? <SetNewPassword token={token} /> : <RequestReset />;
}

function RequestReset(): JSX.Element {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const request = useAction(async () => {
    requireValid(passwordResetRequest, { email });
    await api.requestPasswordReset(email);
    setSentTo(email.trim());
  });
  if (sentTo !== null) {
    return (
      <MailSent title={t('portal_reset_requestedTitle')} testId="reset-sent">
        {t('portal_reset_requested', [sentTo])}
      </MailSent>
    );
  }
  return (
    <section>
      <PageTitle>{t('portal_reset_title')}</PageTitle>
      <p>{t('portal_reset_requestIntro')}</p>
      <form onSubmit={(event) => (event.preventDefault(), void request.run())} noValidate>
        <Field
          id="email"
          invalid={request.error?.names('email')}
          label={t('portal_fields_email')}
          type="email"
          autoComplete="email"
          value={email}
          onInput={setEmail}
        />
        <ErrorNotice error={request.error} />
        <SubmitButton busy={request.busy} label={t('portal_reset_request')} />
      </form>
    </section>
  );
}

function SetNewPassword({ token }: { token: string }): JSX.Element {
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const save = useAction(async () => {
    requireReadyPassword(password);
    await api.confirmPasswordReset(token, password);
    setDone(true);
  });
  if (done) {
    return (
      <section>
        <PageTitle>{t('portal_reset_setTitle')}</PageTitle>
        <SuccessNotice>{t('portal_reset_done')}</SuccessNotice>
        <p>
          <Link href={paths.signIn}>{t('portal_reset_signIn')}</Link>
        </p>
      </section>
    );
  }
  return (
    <section>
      <PageTitle>{t('portal_reset_setTitle')}</PageTitle>
      <form onSubmit={(event) => (event.preventDefault(), void save.run())} noValidate>
        <NewPasswordField
          id="new-password"
          label={t('portal_fields_newPassword')}
          value={password}
          onInput={setPassword}
        />
        <ErrorNotice error={save.error} />
        <SubmitButton busy={save.busy} label={t('portal_reset_set')} />
      </form>
    </section>
  );
}
