import type { JSX } from 'preact';
import { api } from '../api';
import { ActivateCode } from '../components/ActivateCode';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageTitle } from '../components/PageTitle';
import { paths } from '../paths';
import { Link } from '../router';
import { count, dateOnly, t } from '../i18n';
import { tierKeys } from '../tierKeys';
import { useLoad } from '../useLoad';

export function Subscription(): JSX.Element {
  const { state, reload } = useLoad(api.subscription);
  return (
    <section>
      <PageTitle>{t('portal_subscription_title')}</PageTitle>
      {state.status === 'loading' ? <p role="status">{t('portal_loading')}</p> : null}
      {state.status === 'failed' ? <ErrorNotice error={state.error} /> : null}
      {state.status === 'ready' ? (
        <dl class="facts" data-testid="subscription">
          <dt>{t('portal_subscription_plan')}</dt>
          <dd data-testid="plan">{t(tierKeys[state.value.tier])}</dd>
          <dt>{t('portal_subscription_expires')}</dt>
          <dd>
            {state.value.expiresAt === null
              ? t('portal_subscription_noExpiry')
              : dateOnly(state.value.expiresAt)}
          </dd>
          <dt>{t('portal_subscription_devices')}</dt>
          <dd>
            {t('portal_subscription_devicesUsed', [
              count(state.value.devicesUsed),
              count(state.value.deviceLimit),
            ])}
          </dd>
        </dl>
      ) : null}
      <p>
        <Link href={paths.plans} data-testid="compare-plans">
          {t('portal_subscription_comparePlans')}
        </Link>
      </p>
      <h2>{t('portal_subscription_activateTitle')}</h2>
      <ActivateCode onActivated={reload} />
    </section>
  );
}
