import type { JSX } from 'preact';
import { signUpRequest } from '../../src/api';
import { useState } from 'preact/hooks';
import { api } from '../api';
import { MailSent } from '../components/MailSent';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { NewPasswordField, requireReadyPassword } from '../components/PasswordRules';
import { SubmitButton } from '../components/SubmitButton';
import { paths } from '../paths';
import { Link } from '../router';
import { t } from '../i18n';
import { useAction } from '../useAction';
import { requireValid } from '../validate';

export function SignUp(): JSX.Element {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { busy, error, run } = useAction(async () => {
    requireValid(signUpRequest, { email, password });
    requireReadyPassword(password);
    await api.signUp(email, password);
    setSentTo(email.trim());
  });

  if (sentTo !== null) {
    return (
      <MailSent title={t('portal_signUp_sentTitle')} testId="sign-up-sent">
        {t('portal_signUp_sent', [sentTo])}
      </MailSent>
    );
  }
  return (
    <section>
      <PageTitle>{t('portal_signUp_title')}</PageTitle>
      <form onSubmit={(event) => (event.preventDefault(), void run())} noValidate>
        <Field
          id="email"
          invalid={error?.names('email')}
          label={t('portal_fields_email')}
          type="email"
          autoComplete="email"
          value={email}
          onInput={setEmail}
        />
        <NewPasswordField
          id="password"
          invalid={error?.names('password')}
          label={t('portal_fields_password')}
          value={password}
          onInput={setPassword}
        />
        <ErrorNotice error={error} />
        <SubmitButton busy={busy} label={t('portal_signUp_submit')} />
      </form>
      <p>
        {t('portal_signUp_haveAccount')} <Link href={paths.signIn}>{t('portal_nav_signIn')}</Link>
      </p>
    </section>
  );
}
