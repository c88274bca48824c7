import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { activateRequest, activationCodeShape, type Tier } from '../../src/api';
import { api } from '../api';
import { ErrorNotice, SuccessNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { SubmitButton } from '../components/SubmitButton';
import { dateOnly, t, type MessageKey } from '../i18n';
import { useAction } from '../useAction';
import { useLoad } from '../useLoad';
import { requireValid } from '../validate';

const tierKeys: Record<Tier, MessageKey> = {
  anonymous: 'portal_subscription_tiers_anonymous',
  free: 'portal_subscription_tiers_free',
  unlimited: 'portal_subscription_tiers_unlimited',
};

export function Subscription(): JSX.Element {
  const { state, reload } = useLoad(api.subscription);
  const [code, setCode] = useState('');
  const [activated, setActivated] = useState(false);
  const activate = useAction(async () => {
    setActivated(false);
    requireValid(activateRequest, { code }, { code: 'activationCode' });
    await api.activate(code);
    setCode('');
    setActivated(true);
    await reload();
  });
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
              String(state.value.devicesUsed),
              String(state.value.deviceLimit),
            ])}
          </dd>
        </dl>
      ) : null}
      <h2>{t('portal_subscription_activateTitle')}</h2>
      <form onSubmit={(event) => (event.preventDefault(), void activate.run())} noValidate>
        <Field
          id="activation-code"
          invalid={activate.error?.names('code')}
          label={t('portal_fields_activationCode')}
          autoComplete="off"
          value={code}
          onInput={setCode}
          describedBy="activation-hint"
        >
          <p id="activation-hint" class="muted">
            {t('portal_subscription_activateHint', [activationCodeShape])}
          </p>
        </Field>
        <ErrorNotice error={activate.error} />
        {activated ? <SuccessNotice>{t('portal_subscription_activated')}</SuccessNotice> : null}
        <SubmitButton busy={activate.busy} label={t('portal_subscription_activate')} />
      </form>
    </section>
  );
}
