import browser from 'webextension-polyfill';
import type { AccountStatus, Reply } from '../src/messages';
import type { ConnectionStatus } from '../src/status';
import { useAction, usePage } from '../src/ui';

interface Props {
  status: ConnectionStatus;
  account: AccountStatus | null;
  /** A newer account the background answered with. */
  onAccount(reply: Reply<AccountStatus>): void;
  onChanged(): void;
}

/** "An account was found", and the way out of "signed out". */
export function AccountLine({ status, account, onAccount, onChanged }: Props) {
  const { t, send } = usePage();
  const continueFree = useAction(async () => {
    const reply = await send({ type: 'continueAnonymously' });
    onAccount(reply);
    onChanged();
    return reply;
  });

  const signedOut = status.state === 'loggedOut';
  const found = account?.accountFound && !account.linked;
  if (!signedOut && !found && !continueFree.error) return null;
  return (
    <section class="account-line">
      {status.state === 'loggedOut' ? (
        <div class="notice info" data-testid="signed-out">
          <p>{t('signedOutExplain')}</p>
          <div class="row">
            <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
              {t('signIn')}
            </button>
            <button
              type="button"
              class="secondary"
              disabled={continueFree.busy}
              onClick={() => void continueFree.run()}
            >
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
      {continueFree.error ? (
        <p class="notice error" role="alert">
          {t(continueFree.error.messageKey, continueFree.error.substitutions)}
        </p>
      ) : null}
    </section>
  );
}
