import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { AccountStatus } from '../src/messages';
import type { ConnectionStatus } from '../src/status';
import { formatBytes, useChanges, usePage } from '../src/ui';

/** Traffic used today against the limit, "an account was found", and the way out of "signed out". */
export function AccountLine({ status, onChanged }: { status: ConnectionStatus; onChanged(): void }) {
  const { t, send, language } = usePage();
  const revision = useChanges();
  const [account, setAccount] = useState<AccountStatus | null>(null);

  useEffect(() => {
    void send({ type: 'getAccount' }).then((reply) => reply.ok && setAccount(reply.value));
  }, [send, status.state, revision]);

  const continueFree = async () => {
    const reply = await send({ type: 'continueAnonymously' });
    if (reply.ok) setAccount(reply.value);
    onChanged();
  };

  return (
    <section class="account-line">
      {status.state === 'loggedOut' ? (
        <div class="notice info" data-testid="signed-out">
          <p>{t('signedOutExplain')}</p>
          <div class="row">
            <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
              {t('signIn')}
            </button>
            <button type="button" class="secondary" onClick={() => void continueFree()}>
              {t('continueWithoutAccount')}
            </button>
          </div>
        </div>
      ) : null}
      {account?.accountFound && !account.linked ? (
        <p class="notice info" data-testid="popup-account-found">
          {t('accountFound', [account.accountFound])}{' '}
          <button type="button" onClick={() => void send({ type: 'openPortal', page: 'link' })}>
            {t('accountFoundConnect')}
          </button>
        </p>
      ) : null}
      {account?.usedTodayBytes !== undefined ? (
        <p class="muted" data-testid="popup-traffic">
          {account.dailyLimitBytes == null
            ? t('trafficUnlimited', [formatBytes(account.usedTodayBytes, language)])
            : account.usedTodayBytes >= account.dailyLimitBytes || status.state === 'limit'
              ? t('trafficUsedUp', [formatBytes(account.dailyLimitBytes, language)])
              : t('trafficToday', [
                  formatBytes(account.usedTodayBytes, language),
                  formatBytes(account.dailyLimitBytes, language),
                ])}{' '}
          <button
            type="button"
            class="link"
            data-testid="traffic-report-link"
            onClick={() => void send({ type: 'openPortal', page: 'traffic' })}
          >
            {t('trafficReportLink')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
