import type { JSX } from 'preact';
import type { AccountView } from '../../src/api';
import { PageTitle } from '../components/PageTitle';
import { t } from '../i18n';
import { ChangePassword } from './security/ChangePassword';
import { Sessions } from './security/Sessions';
import { TwoFactor } from './security/TwoFactor';

export function Security({ account }: { account: AccountView }): JSX.Element {
  return (
    <section>
      <PageTitle>{t('portal_security_title')}</PageTitle>
      <TwoFactor account={account} />
      <Sessions />
      <ChangePassword />
    </section>
  );
}
