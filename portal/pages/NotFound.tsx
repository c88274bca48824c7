import type { JSX } from 'preact';
import { PageTitle } from '../components/PageTitle';
import { paths } from '../paths';
import { Link, useLocation } from '../router';
import { useSession } from '../session';
import { t } from '../i18n';

// Where someone who followed a stale link most likely wanted to go.
const places = [
  { href: paths.devices, label: t('portal_nav_devices') },
  { href: paths.subscription, label: t('portal_nav_subscription') },
  { href: paths.traffic, label: t('portal_nav_traffic') },
  { href: paths.security, label: t('portal_nav_security') },
];

/** Any address the portal does not know (the service answers it with status 404). */
export function NotFound(): JSX.Element {
  const { path } = useLocation();
  const signedIn = useSession().state.status === 'signedIn';
  return (
    <section class="not-found" data-testid="not-found-page">
      <PageTitle>{t('portal_notFound_title')}</PageTitle>
      <p data-testid="not-found">{t('portal_notFound_explain')}</p>
      <dl class="facts">
        <dt>{t('portal_notFound_address')}</dt>
        <dd>
          <code data-testid="not-found-path">{path}</code>
        </dd>
      </dl>
      <p>
        <Link href={paths.home} class="button-link" data-testid="not-found-home">
          {t('portal_notFound_back')}
        </Link>
      </p>
      {signedIn ? (
        <nav aria-label={t('portal_notFound_elsewhere')}>
          <p class="muted">{t('portal_notFound_elsewhere')}</p>
          <ul class="inline-links">
            {places.map((place) => (
              <li key={place.href}>
                <Link href={place.href}>{place.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : (
        <p>
          <Link href={paths.signIn}>{t('portal_notFound_signIn')}</Link>
        </p>
      )}
    </section>
  );
}
