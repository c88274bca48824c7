import type { JSX } from 'preact';
import type { AccountView } from '../../src/api';
import { PageTitle } from '../components/PageTitle';
import { paths } from '../paths';
import { Link } from '../router';
import { t, type MessageKey } from '../i18n';

const sections: { href: string; title: MessageKey; about: MessageKey }[] = [
  { href: paths.devices, title: 'portal_nav_devices', about: 'portal_home_devices' },
  { href: paths.subscription, title: 'portal_nav_subscription', about: 'portal_home_subscription' },
  { href: paths.traffic, title: 'portal_nav_traffic', about: 'portal_home_traffic' },
  { href: paths.security, title: 'portal_nav_security', about: 'portal_home_security' },
];

export function Dashboard({ account }: { account: AccountView }): JSX.Element {
  return (
    <section>
      <PageTitle>{t('portal_home_title')}</PageTitle>
      <p data-testid="signed-in-as">{t('portal_home_signedInAs', [account.email])}</p>
      <p class={account.twoFactorEnabled ? 'notice success' : 'notice info'}>
        {account.twoFactorEnabled ? t('portal_home_twoFactorOn') : t('portal_home_twoFactorOff')}
      </p>
      <ul class="cards">
        {sections.map((section) => (
          <li key={section.href}>
            <Link href={section.href}>{t(section.title)}</Link>
            <p class="muted">{t(section.about)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
