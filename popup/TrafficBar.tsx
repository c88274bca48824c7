import type { AccountStatus } from '../src/messages';
import type { ConnectionStatus } from '../src/status';
import { formatBytes, usePage } from '../src/ui';

/** The share of today's allowance used, 0–1 (1 once the gateway said the limit is reached). */
export function usedShare(account: AccountStatus, atLimit: boolean): number | null {
  if (account.usedTodayBytes === undefined || account.dailyLimitBytes == null) return null;
  if (atLimit || account.dailyLimitBytes <= 0) return 1;
  return Math.min(1, account.usedTodayBytes / account.dailyLimitBytes);
}

/** Today's VPN traffic in words and, with a daily allowance, as a bar against it; links to the report. */
export function TrafficBar({ account, status }: { account: AccountStatus; status: ConnectionStatus }) {
  const { t, send, language } = usePage();
  if (account.usedTodayBytes === undefined) return null;
  const atLimit = status.state === 'limit';
  const share = usedShare(account, atLimit);
  const words =
    account.dailyLimitBytes == null
      ? t('trafficUnlimited', [formatBytes(account.usedTodayBytes, language)])
      : account.usedTodayBytes >= account.dailyLimitBytes || atLimit
        ? t('trafficUsedUp', [formatBytes(account.dailyLimitBytes, language)])
        : t('trafficToday', [
            formatBytes(account.usedTodayBytes, language),
            formatBytes(account.dailyLimitBytes, language),
          ]);
  return (
    <div class="traffic">
      <p class="traffic-line" data-testid="popup-traffic">
        <span>{words}</span>{' '}
        <button
          type="button"
          class="link"
          data-testid="traffic-report-link"
          onClick={() => void send({ type: 'openPortal', page: 'traffic' })}
        >
          {t('trafficReportLink')}
        </button>
      </p>
      {share === null ? null : (
        <div
          class={share >= 1 ? 'bar full' : share >= 0.8 ? 'bar high' : 'bar'}
          data-testid="traffic-bar"
          data-share={share.toFixed(2)}
          aria-hidden="true"
        >
          <div class="bar-fill" style={{ width: `${Math.round(share * 100)}%` }} />
        </div>
      )}
    </div>
  );
}
