import type { JSX } from 'preact';
import { api, toFailure } from './api';
import { ErrorNotice } from './components/ErrorNotice';
import { LanguageMenu } from './components/LanguageMenu';
import { paths } from './paths';
import { Link, navigate, useLocation } from './router';
import { useSession } from './session';
import { t, type MessageKey } from './i18n';
import { useAction } from './useAction';

const accountLinks: { href: string; label: MessageKey }[] = [
  { href: paths.home, label: 'portal_nav_home' },
  { href: paths.devices, label: 'portal_nav_devices' },
  { href: paths.subscription, label: 'portal_nav_subscription' },
  { href: paths.traffic, label: 'portal_nav_traffic' },
  { href: paths.security, label: 'portal_nav_security' },
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
        {t('portal_brand')}
      </Link>
      <nav aria-label={t('portal_nav_label')}>
        <ul>
          {signedIn
            ? accountLinks.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} aria-current={current(path, link.href) ? 'page' : undefined}>
                    {t(link.label)}
                  </Link>
                </li>
              ))
            : [
                <li key="in">
                  <Link href={paths.signIn}>{t('portal_nav_signIn')}</Link>
                </li>,
                <li key="up">
                  <Link href={paths.signUp}>{t('portal_nav_signUp')}</Link>
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
                {signOut.busy ? t('portal_working') : t('portal_nav_signOut')}
              </button>
            </li>
          ) : null}
        </ul>
      </nav>
      <LanguageMenu />
      <ErrorNotice error={signOut.error} />
    </header>
  );
}
