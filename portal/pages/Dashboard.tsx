import type { JSX } from 'preact';
import type { AccountView } from '../../src/api';
import { PageTitle } from '../components/PageTitle';
import { paths } from '../paths';
import { Link } from '../router';
import { strings } from '../strings';

const sections = [
  { href: paths.devices, title: strings.nav.devices, about: strings.home.devices },
  { href: paths.subscription, title: strings.nav.subscription, about: strings.home.subscription },
  { href: paths.traffic, title: strings.nav.traffic, about: strings.home.traffic },
  { href: paths.security, title: strings.nav.security, about: strings.home.security },
];

export function Dashboard({ account }: { account: AccountView }): JSX.Element {
  return (
    <section>
      <PageTitle>{strings.home.title}</PageTitle>
      <p data-testid="signed-in-as">{strings.home.signedInAs(account.email)}</p>
      <p class={account.twoFactorEnabled ? 'notice success' : 'notice info'}>
        {account.twoFactorEnabled ? strings.home.twoFactorOn : strings.home.twoFactorOff}
      </p>
      <ul class="cards">
        {sections.map((section) => (
          <li key={section.href}>
            <Link href={section.href}>{section.title}</Link>
            <p class="muted">{section.about}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
