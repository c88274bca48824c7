import type { JSX } from 'preact';
import type { AccountView, Overview } from '../../src/api';
import { formatBytes, formatCount } from '../../src/format';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageTitle } from '../components/PageTitle';
import { devicesWithProblems, nextSteps, onlineDevices, type NextStep } from '../overview';
import { devicePath, paths } from '../paths';
import { Link } from '../router';
import { activeLanguage, dateOnly, t, tCount } from '../i18n';
import { tierKeys } from '../tierKeys';
import { useLoad } from '../useLoad';
import { api } from '../api';

const bytes = (value: number) => formatBytes(value, activeLanguage());
const count = (value: number) => formatCount(value, activeLanguage());
const deviceName = (device: { name: string | null }) => device.name ?? t('portal_devices_unnamed');

/** The account at a glance, as My Kaspersky's first page: plan, devices, traffic, and what to do next. */
export function Dashboard({ account }: { account: AccountView }): JSX.Element {
  const { state } = useLoad(api.overview);
  return (
    <section>
      <PageTitle>{t('portal_home_title')}</PageTitle>
      <p data-testid="signed-in-as" class="muted">
        {t('portal_home_signedInAs', [account.email])}
      </p>
      {state.status === 'loading' ? <p role="status">{t('portal_loading')}</p> : null}
      {state.status === 'failed' ? <ErrorNotice error={state.error} /> : null}
      {state.status === 'ready' ? (
        <>
          <NextSteps steps={nextSteps(state.value, account)} />
          <div class="tiles">
            <SubscriptionTile overview={state.value} />
            <DevicesTile devices={state.value.devices} />
            <TrafficTile traffic={state.value.trafficThisMonth} />
          </div>
        </>
      ) : null}
    </section>
  );
}

function NextSteps({ steps }: { steps: NextStep[] }): JSX.Element | null {
  if (steps.length === 0) return null;
  return (
    <section class="next-steps" aria-labelledby="next-title" data-testid="next-steps">
      <h2 id="next-title">{t('portal_home_nextTitle')}</h2>
      <ol>
        {steps.map((step) =>
          step === 'linkBrowser' ? (
            <li key={step} data-step={step}>
              <strong>{t('portal_home_linkBrowserTitle')}</strong>
              <p>{t('portal_home_linkBrowser')}</p>
            </li>
          ) : (
            <li key={step} data-step={step}>
              <strong>{t('portal_home_twoFactorTitle')}</strong>
              <p>{t('portal_home_twoFactor')}</p>
              <Link href={paths.security} class="button-link">
                {t('portal_home_twoFactorAction')}
              </Link>
            </li>
          ),
        )}
      </ol>
    </section>
  );
}

function SubscriptionTile({ overview }: { overview: Overview }): JSX.Element {
  const { subscription } = overview;
  const unlimited = subscription.tier === 'unlimited';
  return (
    <section class="tile" aria-labelledby="tile-subscription" data-testid="overview-subscription">
      <h2 id="tile-subscription">{t('portal_home_subscriptionTitle')}</h2>
      <p class="tile-figure" data-testid="overview-plan" data-tier={subscription.tier}>
        {t(tierKeys[subscription.tier])}
      </p>
      {unlimited && subscription.daysLeft !== null && subscription.expiresAt !== null ? (
        <p data-testid="overview-days-left" data-days={subscription.daysLeft}>
          <strong>{tCount('portal_home_daysLeft', subscription.daysLeft)}</strong> ·{' '}
          {t('portal_home_until', [dateOnly(subscription.expiresAt)])}
        </p>
      ) : subscription.dailyLimitBytes !== null ? (
        <p class="muted">{t('portal_home_freeAllowance', [bytes(subscription.dailyLimitBytes)])}</p>
      ) : null}
      <p class="tile-actions">
        {unlimited ? (
          <Link href={paths.subscription}>{t('portal_home_manageSubscription')}</Link>
        ) : (
          <Link href={paths.plans} class="button-link" data-testid="overview-upgrade">
            {t('portal_home_upgrade')}
          </Link>
        )}
      </p>
    </section>
  );
}

function DevicesTile({ devices }: { devices: Overview['devices'] }): JSX.Element {
  const online = onlineDevices(devices);
  const troubled = devicesWithProblems(devices);
  return (
    <section class="tile" aria-labelledby="tile-devices" data-testid="overview-devices">
      <h2 id="tile-devices">{t('portal_home_devicesTitle')}</h2>
      {devices.length === 0 ? (
        <p class="muted" data-testid="overview-no-devices">
          {t('portal_home_noDevices')}
        </p>
      ) : (
        <>
          <p class="tile-figure" data-testid="overview-online" data-online={online.length}>
            {t('portal_home_devicesOnline', [count(online.length), count(devices.length)])}
          </p>
          {troubled.length > 0 ? (
            <>
              <p class="state-bad" data-testid="overview-problems" data-count={troubled.length}>
                {tCount('portal_home_withProblems', troubled.length)}
              </p>
              <ul class="tile-list">
                {troubled.map((device) => (
                  <li key={device.id}>
                    <Link href={devicePath(device.id)} data-testid="overview-problem-device">
                      {deviceName(device)}
                    </Link>{' '}
                    <span class="muted">
                      · {tCount('portal_devices_problems', device.status?.problems ?? 0)}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p class="state-ok">{t('portal_home_allFine')}</p>
          )}
          {online.length > 0 ? (
            <>
              <p class="tile-subhead">{t('portal_home_online')}</p>
              <ul class="tile-list">
                {online.map((device) => (
                  <li key={device.id}>
                    <Link href={devicePath(device.id)} data-testid="overview-online-device">
                      {deviceName(device)}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
      <p class="tile-actions">
        <Link href={paths.devices}>{t('portal_home_allDevices')}</Link>
      </p>
    </section>
  );
}

function TrafficTile({ traffic }: { traffic: Overview['trafficThisMonth'] }): JSX.Element {
  return (
    <section class="tile" aria-labelledby="tile-traffic" data-testid="overview-traffic">
      <h2 id="tile-traffic">{t('portal_home_trafficTitle')}</h2>
      <p class="tile-figure" data-testid="overview-traffic-bytes" data-bytes={traffic.bytes}>
        {bytes(traffic.bytes)}
      </p>
      <p class="muted">{t('portal_home_trafficSince', [dateOnly(`${traffic.from}T00:00:00Z`)])}</p>
      <p class="tile-actions">
        <Link href={paths.traffic}>{t('portal_home_trafficReport')}</Link>
      </p>
    </section>
  );
}
