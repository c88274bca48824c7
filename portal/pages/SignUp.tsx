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
import { strings } from '../strings';
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
      <MailSent title={strings.signUp.sentTitle} testId="sign-up-sent">
        {strings.signUp.sent(sentTo)}
      </MailSent>
    );
  }
  return (
    <section>
      <PageTitle>{strings.signUp.title}</PageTitle>
      <form onSubmit={(event) => (event.preventDefault(), void run())} noValidate>
        <Field
          id="email"
          invalid={error?.names('email')}
          label={strings.fields.email}
          type="email"
          autoComplete="email"
          value={email}
          onInput={setEmail}
        />
        <NewPasswordField
          id="password"
          invalid={error?.names('password')}
          label={strings.fields.password}
          value={password}
          onInput={setPassword}
        />
        <ErrorNotice error={error} />
        <SubmitButton busy={busy} label={strings.signUp.submit} />
      </form>
      <p>
        {strings.signUp.haveAccount} <Link href={paths.signIn}>{strings.nav.signIn}</Link>
      </p>
    </section>
  );
}
