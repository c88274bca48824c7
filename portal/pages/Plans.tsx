import type { JSX } from 'preact';
import type { Plans as PlansView, SubscriptionView, Tier } from '../../src/api';
import { formatBytes } from '../../src/format';
import { api } from '../api';
import { ActivateCode } from '../components/ActivateCode';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageTitle } from '../components/PageTitle';
import { activeLanguage, t, tCount } from '../i18n';
import { tierKeys } from '../tierKeys';
import { useLoad } from '../useLoad';

const bytes = (value: number) => formatBytes(value, activeLanguage());

// Both at once: what the plans give (the service's limits) and which one this account has.
const load = async () => {
  const [plans, subscription] = await Promise.all([api.plans(), api.subscription()]);
  return { plans, subscription };
};

interface PlanCard {
  tier: Tier;
  title: string;
  about: string;
  features: string[];
}

const cards = (plans: PlansView): PlanCard[] => [
  {
    tier: 'anonymous',
    title: t(tierKeys.anonymous),
    about: t('portal_plans_anonymous'),
    features: [t('portal_plans_perDay', [bytes(plans.anonymousDailyBytes)]), t('portal_plans_optimalOnly')],
  },
  {
    tier: 'free',
    title: t(tierKeys.free),
    about: t('portal_plans_free'),
    features: [
      t('portal_plans_perDay', [bytes(plans.freeDailyBytes)]),
      tCount('portal_plans_freeDevices', plans.freeDeviceLimit),
      t('portal_plans_optimalOnly'),
    ],
  },
  {
    tier: 'unlimited',
    title: t(tierKeys.unlimited),
    about: t('portal_plans_unlimited'),
    features: [
      t('portal_plans_unlimitedTraffic'),
      t('portal_plans_anyRegion'),
      t('portal_plans_devicesBySubscription'),
    ],
  },
];

/** The plans side by side, the account's own marked, and the way up: the operator's shop and a code. */
export function Plans(): JSX.Element {
  const { state, reload } = useLoad(load);
  return (
    <section>
      <PageTitle>{t('portal_plans_title')}</PageTitle>
      <p>{t('portal_plans_intro')}</p>
      {state.status === 'loading' ? <p role="status">{t('portal_loading')}</p> : null}
      {state.status === 'failed' ? <ErrorNotice error={state.error} /> : null}
      {state.status === 'ready' ? (
        <>
          <PlanCards plans={state.value.plans} subscription={state.value.subscription} />
          <section aria-labelledby="upgrade-title" data-testid="upgrade">
            <h2 id="upgrade-title">{t('portal_plans_upgradeTitle')}</h2>
            {state.value.plans.purchaseUrl !== null ? (
              <>
                <p>
                  <a
                    class="button-link"
                    href={state.value.plans.purchaseUrl}
                    target="_blank"
                    rel="noopener noreferrer"
                    data-testid="purchase-link"
                  >
                    {t('portal_plans_buy')}
                  </a>
                </p>
                <p class="muted">{t('portal_plans_buyHint')}</p>
                <p>{t('portal_plans_haveCode')}</p>
              </>
            ) : (
              <p>{t('portal_plans_codeOnly')}</p>
            )}
            <ActivateCode onActivated={reload} />
          </section>
        </>
      ) : null}
    </section>
  );
}

function PlanCards({ plans, subscription }: { plans: PlansView; subscription: SubscriptionView }) {
  return (
    <ul class="plans" data-testid="plans">
      {cards(plans).map((card) => {
        const current = card.tier === subscription.tier;
        return (
          <li key={card.tier} class={current ? 'plan current' : 'plan'} data-tier={card.tier}>
            <h2 class="item-title">
              {card.title}
              {current ? (
                <span class="badge" data-testid="current-plan">
                  {t('portal_plans_current')}
                </span>
              ) : null}
            </h2>
            <p class="muted">{card.about}</p>
            <ul class="features">
              {card.features.map((feature) => (
                <li key={feature}>{feature}</li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
