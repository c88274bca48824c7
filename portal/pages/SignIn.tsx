import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { signInRequest, type AccountView } from '../../src/api';
import { api } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { SubmitButton } from '../components/SubmitButton';
import { paths } from '../paths';
import { Link, navigate, safeReturnPath, useLocation } from '../router';
import { useSession } from '../session';
import { t } from '../i18n';
import { useAction } from '../useAction';
import { requireValid } from '../validate';
import { SecondStep } from './SignInSecondStep';

export function SignIn(): JSX.Element {
  const { query } = useLocation();
  const next = safeReturnPath(query.get('next'));
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [rememberMe, setRememberMe] = useState(false);
  const [pendingToken, setPendingToken] = useState<string | null>(null);
  const [resent, setResent] = useState(false);

  const current = session.state.status === 'signedIn' ? session.state.account : null;
  // Already signed in (another tab, a remembered session): go straight on to the page that asked.
  useEffect(() => {
    if (current !== null && next !== null) navigate(next, { replace: true });
  }, [current, next]);

  const done = (account: AccountView) => {
    session.signedIn(account);
    navigate(next ?? paths.home, { replace: true });
  };
  const signIn = useAction(async () => {
    requireValid(signInRequest, { email, password, rememberMe });
    const answer = await api.signIn(email, password, rememberMe);
    if (answer.status === 'signedIn') done(answer.account);
    else setPendingToken(answer.pendingToken);
  });
  const resend = useAction(async () => {
    await api.resendVerification(email);
    setResent(true);
  });

  if (pendingToken !== null) {
    return (
      <SecondStep pendingToken={pendingToken} onSignedIn={done} onStartOver={() => setPendingToken(null)} />
    );
  }
  return (
    <section>
      <PageTitle>{t('portal_signIn_title')}</PageTitle>
      {next !== null ? <p class="notice info">{t('portal_signIn_returnHint')}</p> : null}
      {current !== null && next === null ? (
        <p class="notice info">
          {t('portal_signIn_alreadySignedIn', [current.email])}{' '}
          <Link href={paths.home}>{t('portal_nav_home')}</Link>
        </p>
      ) : null}
      <form onSubmit={(event) => (event.preventDefault(), void signIn.run())} noValidate>
        <Field
          id="email"
          invalid={signIn.error?.names('email')}
          label={t('portal_fields_email')}
          type="email"
          autoComplete="username"
          value={email}
          onInput={setEmail}
        />
        <Field
          id="password"
          invalid={signIn.error?.names('password')}
          label={t('portal_fields_password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onInput={setPassword}
        />
        <label class="check" for="remember">
          <input
            id="remember"
            type="checkbox"
            checked={rememberMe}
            onChange={(e) => setRememberMe(e.currentTarget.checked)}
          />
          {t('portal_signIn_remember')}
        </label>
        <ErrorNotice error={signIn.error} />
        {signIn.error?.code === 'emailNotVerified' ? (
          <div>
            <SubmitButton
              type="button"
              variant="secondary"
              busy={resend.busy}
              label={t('portal_signIn_resend')}
              onClick={() => void resend.run()}
            />
            <ErrorNotice error={resend.error} />
            {resent ? <p role="status">{t('portal_signIn_resent')}</p> : null}
          </div>
        ) : null}
        <SubmitButton busy={signIn.busy} label={t('portal_signIn_submit')} testId="sign-in-submit" />
      </form>
      <p>
        <Link href={paths.resetPassword}>{t('portal_signIn_forgot')}</Link>
      </p>
      <p>
        {t('portal_signIn_noAccount')} <Link href={paths.signUp}>{t('portal_nav_signUp')}</Link>
      </p>
    </section>
  );
}
