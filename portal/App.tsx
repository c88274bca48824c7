import type { JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import type { AccountView } from '../src/api';
import { Header } from './Header';
import { matchPath, paths } from './paths';
import { Dashboard } from './pages/Dashboard';
import { Device } from './pages/Device';
import { Devices } from './pages/Devices';
import { LinkExtension } from './pages/Link';
import { NotFound } from './pages/NotFound';
import { Plans } from './pages/Plans';
import { ResetPassword } from './pages/ResetPassword';
import { Security } from './pages/Security';
import { SignIn } from './pages/SignIn';
import { SignUp } from './pages/SignUp';
import { Subscription } from './pages/Subscription';
import { Traffic } from './pages/Traffic';
import { VerifyEmail } from './pages/VerifyEmail';
import { navigate, useLocation } from './router';
import { useSession } from './session';
import { t, useI18n } from './i18n';

// Pages anyone may open, and pages that need the signed-in account.
const publicPages: Record<string, () => JSX.Element> = {
  [paths.signUp]: SignUp,
  [paths.signIn]: SignIn,
  [paths.verifyEmail]: VerifyEmail,
  [paths.resetPassword]: ResetPassword,
};
const accountPages: Record<
  string,
  (props: { account: AccountView; params: Record<string, string> }) => JSX.Element
> = {
  [paths.home]: Dashboard,
  [paths.devices]: Devices,
  [paths.device]: Device,
  [paths.subscription]: Subscription,
  [paths.plans]: Plans,
  [paths.security]: Security,
  [paths.traffic]: Traffic,
  [paths.link]: LinkExtension,
};

export function App(): JSX.Element {
  // Every page reads its text when rendered: following the language here re-renders them all on a change.
  useI18n();
  return (
    <>
      <a class="skip" href="#main">
        {t('portal_skip')}
      </a>
      <Header />
      <main id="main">
        <Route />
      </main>
    </>
  );
}

function Route(): JSX.Element {
  const location = useLocation();
  const { state, refresh } = useSession();
  const match = matchPath(location.path);
  if (match === null) return <NotFound />;
  const Public = publicPages[match.path];
  if (Public !== undefined) return <Public />;
  const Private = accountPages[match.path];
  if (Private === undefined) return <NotFound />;
  // Keyed by the path, so moving from one device to another starts the page afresh.
  if (state.status === 'signedIn')
    return <Private key={location.path} account={state.account} params={match.params} />;
  if (state.status === 'signedOut') return <SignInFirst returnTo={location.href} />;
  if (state.status === 'failed') {
    return (
      <div class="notice error" role="alert">
        <p>{state.message}</p>
        <button type="button" onClick={() => void refresh()}>
          {t('portal_retry')}
        </button>
      </div>
    );
  }
  return <p role="status">{t('portal_loading')}</p>;
}

/** A signed-in page opened without a session: sign in, then come back here (the /link hand-off relies on it). */
function SignInFirst({ returnTo }: { returnTo: string }): JSX.Element {
  useEffect(() => {
    const next = returnTo === paths.home ? '' : `?next=${encodeURIComponent(returnTo)}`;
    navigate(`${paths.signIn}${next}`, { replace: true });
  }, [returnTo]);
  return <p role="status">{t('portal_loading')}</p>;
}
