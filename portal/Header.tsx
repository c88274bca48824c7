import type { JSX } from 'preact';
import { api, toFailure } from './api';
import { ErrorNotice } from './components/ErrorNotice';
import { paths } from './paths';
import { Link, navigate, useLocation } from './router';
import { useSession } from './session';
import { strings } from './strings';
import { useAction } from './useAction';

const accountLinks = [
  { href: paths.home, label: strings.nav.home },
  { href: paths.devices, label: strings.nav.devices },
  { href: paths.subscription, label: strings.nav.subscription },
  { href: paths.traffic, label: strings.nav.traffic },
  { href: paths.security, label: strings.nav.security },
];

// A device's own page sits under Devices, so the menu still shows where the person is.
const current = (path: string, href: string) =>
  path === href || (href !== paths.home && path.startsWith(`${href}/`));

export function Header(): JSX.Element {
  const { path } = useLocation();
  const session = useSession();
  const signOut = useAction(async () => {
    try {
      await api.signOut();
    } catch (error) {
      // An expired session is signed out already; anything else is worth showing.
      if (toFailure(error).code !== 'unauthenticated') throw error;
    }
    session.signedOut();
    navigate(paths.signIn, { replace: true });
  });
  const signedIn = session.state.status === 'signedIn';
  return (
    <header class="site-header">
      <Link href={paths.home} class="brand">
        {strings.brand}
      </Link>
      <nav aria-label={strings.nav.label}>
        <ul>
          {signedIn
            ? accountLinks.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} aria-current={current(path, link.href) ? 'page' : undefined}>
                    {link.label}
                  </Link>
                </li>
              ))
            : [
                <li key="in">
                  <Link href={paths.signIn}>{strings.nav.signIn}</Link>
                </li>,
                <li key="up">
                  <Link href={paths.signUp}>{strings.nav.signUp}</Link>
                </li>,
              ]}
          {signedIn ? (
            <li>
              <button
                type="button"
                class="link-button"
                disabled={signOut.busy}
                onClick={() => void signOut.run()}
                data-testid="sign-out"
              >
                {signOut.busy ? strings.working : strings.nav.signOut}
              </button>
            </li>
          ) : null}
        </ul>
      </nav>
      <ErrorNotice error={signOut.error} />
    </header>
  );
}
