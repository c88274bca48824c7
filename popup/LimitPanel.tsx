import type { AccountStatus } from '../src/messages';
import type { RecordOf, StatusFacts } from '../src/status';
import { formatMoment } from '../src/format';
import { usePage } from '../src/ui';

interface Props {
  status: RecordOf<'limit'> & StatusFacts;
  account: AccountStatus | null;
  now: number;
  onTurnOff(): void;
}

/**
 * The daily limit: the VPN is paused, and the user is told plainly what that means for their traffic (not
 * protected, or blocked by the kill switch) until when, and how to get going again.
 */
export function LimitPanel({ status, account, now, onTurnOff }: Props) {
  const { t, send, language = 'en' } = usePage();
  const until = formatMoment(status.resetAt, language, now);
  const unlimitedAlready = account?.tier === 'unlimited';
  return (
    <section class="limit notice warning" data-testid="limit-notice" role="status">
      <p data-testid="limit-explain">
        <strong>{t(status.killSwitch ? 'limitBlocked' : 'limitUnprotected', [until])}</strong>
      </p>
      {unlimitedAlready ? null : (
        <>
          <p>{t('limitWaysOut')}</p>
          <ul class="ways-out">
            {account && !account.linked ? (
              <li>
                <button
                  type="button"
                  class="link"
                  data-testid="limit-link-account"
                  onClick={() => void send({ type: 'openPortal', page: 'link' })}
                >
                  {t('limitLinkAccount')}
                </button>
              </li>
            ) : null}
            <li>
              <button
                type="button"
                class="link"
                data-testid="limit-subscribe"
                onClick={() => void send({ type: 'openPortal', page: 'home' })}
              >
                {t('limitSubscribe')}
              </button>
            </li>
          </ul>
        </>
      )}
      <p class="muted" data-testid="limit-wait">
        {t('limitWait', [until])}
      </p>
      <button type="button" class="secondary" data-testid="limit-turn-off" onClick={onTurnOff}>
        {t(status.killSwitch ? 'limitTurnOff' : 'limitTurnOffStay')}
      </button>
    </section>
  );
}
