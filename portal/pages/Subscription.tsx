import type { JSX } from 'preact';
import { api } from '../api';
import { ActivateCode } from '../components/ActivateCode';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageTitle } from '../components/PageTitle';
import { paths } from '../paths';
import { Link } from '../router';
import { dateOnly, strings } from '../strings';
import { useLoad } from '../useLoad';

export function Subscription(): JSX.Element {
  const { state, reload } = useLoad(api.subscription);
  return (
    <section>
      <PageTitle>{strings.subscription.title}</PageTitle>
      {state.status === 'loading' ? <p role="status">{strings.loading}</p> : null}
      {state.status === 'failed' ? <ErrorNotice error={state.error} /> : null}
      {state.status === 'ready' ? (
        <dl class="facts" data-testid="subscription">
          <dt>{strings.subscription.plan}</dt>
          <dd data-testid="plan">{strings.subscription.tiers[state.value.tier]}</dd>
          <dt>{strings.subscription.expires}</dt>
          <dd>
            {state.value.expiresAt === null ? strings.subscription.noExpiry : dateOnly(state.value.expiresAt)}
          </dd>
          <dt>{strings.subscription.devices}</dt>
          <dd>{strings.subscription.devicesUsed(state.value.devicesUsed, state.value.deviceLimit)}</dd>
        </dl>
      ) : null}
      <p>
        <Link href={paths.plans} data-testid="compare-plans">
          {strings.subscription.comparePlans}
        </Link>
      </p>
      <h2>{strings.subscription.activateTitle}</h2>
      <ActivateCode onActivated={reload} />
    </section>
  );
}
