import type { JSX } from 'preact';
import type { Plans as PlansView, SubscriptionView, Tier } from '../../src/api';
import { formatBytes } from '../../src/format';
import { api } from '../api';
import { ActivateCode } from '../components/ActivateCode';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageTitle } from '../components/PageTitle';
import { PORTAL_LANGUAGE } from '../messages';
import { strings } from '../strings';
import { useLoad } from '../useLoad';

const text = strings.plans;
const bytes = (value: number) => formatBytes(value, PORTAL_LANGUAGE);

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
    title: text.anonymousTitle,
    about: text.anonymous,
    features: [text.perDay(bytes(plans.anonymousDailyBytes)), text.optimalOnly],
  },
  {
    tier: 'free',
    title: text.freeTitle,
    about: text.free,
    features: [
      text.perDay(bytes(plans.freeDailyBytes)),
      text.freeDevices(plans.freeDeviceLimit),
      text.optimalOnly,
    ],
  },
  {
    tier: 'unlimited',
    title: text.unlimitedTitle,
    about: text.unlimited,
    features: [text.unlimitedTraffic, text.anyRegion, text.devicesBySubscription],
  },
];

/** The plans side by side, the account's own marked, and the way up: the operator's shop and a code. */
export function Plans(): JSX.Element {
  const { state, reload } = useLoad(load);
  return (
    <section>
      <PageTitle>{text.title}</PageTitle>
      <p>{text.intro}</p>
      {state.status === 'loading' ? <p role="status">{strings.loading}</p> : null}
      {state.status === 'failed' ? <ErrorNotice error={state.error} /> : null}
      {state.status === 'ready' ? (
        <>
          <PlanCards plans={state.value.plans} subscription={state.value.subscription} />
          <section aria-labelledby="upgrade-title" data-testid="upgrade">
            <h2 id="upgrade-title">{text.upgradeTitle}</h2>
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
                    {text.buy}
                  </a>
                </p>
                <p class="muted">{text.buyHint}</p>
                <p>{text.haveCode}</p>
              </>
            ) : (
              <p>{text.codeOnly}</p>
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
                  {text.current}
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
