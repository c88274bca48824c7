import type { JSX } from 'preact';
import { PageTitle } from '../components/PageTitle';
import { paths } from '../paths';
import { Link, useLocation } from '../router';
import { useSession } from '../session';
import { strings } from '../strings';

const text = strings.notFound;

// Where someone who followed a stale link most likely wanted to go.
const places = [
  { href: paths.devices, label: strings.nav.devices },
  { href: paths.subscription, label: strings.nav.subscription },
  { href: paths.traffic, label: strings.nav.traffic },
  { href: paths.security, label: strings.nav.security },
];

/** Any address the portal does not know (the service answers it with status 404). */
export function NotFound(): JSX.Element {
  const { path } = useLocation();
  const signedIn = useSession().state.status === 'signedIn';
  return (
    <section class="not-found" data-testid="not-found-page">
      <PageTitle>{text.title}</PageTitle>
      <p data-testid="not-found">{text.explain}</p>
      <dl class="facts">
        <dt>{text.address}</dt>
        <dd>
          <code data-testid="not-found-path">{path}</code>
        </dd>
      </dl>
      <p>
        <Link href={paths.home} class="button-link" data-testid="not-found-home">
          {text.back}
        </Link>
      </p>
      {signedIn ? (
        <nav aria-label={text.elsewhere}>
          <p class="muted">{text.elsewhere}</p>
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
          <Link href={paths.signIn}>{text.signIn}</Link>
        </p>
      )}
    </section>
  );
}
