import { useEffect, useState } from 'preact/hooks';
import type { AccountStatus } from '../src/messages';
import type { AppError } from '../src/result';
import { formatBytes, usePage } from '../src/ui';

type Reply = { ok: true; value: AccountStatus } | { ok: false; error: AppError };

/** "My Rampart account": sign in (with a code when two-step verification is on), or the linked account. */
export function AccountSection() {
  const { t, send } = usePage();
  const [account, setAccount] = useState<AccountStatus | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [needsCode, setNeedsCode] = useState(false);
  const [form, setForm] = useState({ email: '', password: '', code: '', activation: '' });
  const [activated, setActivated] = useState(false);

  const apply = (reply: Reply) => {
    if (reply.ok) {
      setAccount(reply.value);
      setError(null);
    } else {
      setError(reply.error);
      if (reply.error.code === 'twoFactorRequired') setNeedsCode(true);
    }
    return reply.ok;
  };
  const run = async (work: () => Promise<Reply>) => {
    setBusy(true);
    const succeeded = apply(await work());
    setBusy(false);
    return succeeded;
  };

  useEffect(() => {
    void send({ type: 'getAccount' }).then(apply);
  }, [send]);

  const signIn = async (event: Event) => {
    event.preventDefault();
    const code = form.code.trim();
    const ok = await run(() =>
      send({
        type: 'signIn',
        email: form.email,
        password: form.password,
        ...(needsCode && code ? { code } : {}),
      }),
    );
    if (ok) {
      setForm({ ...form, password: '', code: '' });
      setNeedsCode(false);
    }
  };
  const activate = async (event: Event) => {
    event.preventDefault();
    setActivated(await run(() => send({ type: 'activateCode', code: form.activation })));
  };
  const portal = (page: 'link' | 'signUp' | 'reset') => void send({ type: 'openPortal', page });

  if (!account) return null;
  const errorText = error ? t(error.messageKey, error.substitutions) : null;

  return (
    <section aria-labelledby="account-heading" data-testid="account-section">
      <h2 id="account-heading">{t('sectionAccount')}</h2>
      {errorText ? (
        <p class="notice error" role="alert" data-testid="account-error">
          {errorText}
        </p>
      ) : null}
      {account.linked ? (
        <>
          <p data-testid="account-email">{t('accountSignedInAs', [account.email ?? ''])}</p>
          <p data-testid="account-plan">{t(`plan_${account.tier ?? 'free'}`)}</p>
          {account.subscription ? (
            <p class="muted" data-testid="account-subscription">
              {t('subscriptionDetails', [
                account.subscription.expiresAt
                  ? new Date(account.subscription.expiresAt).toLocaleDateString()
                  : t('subscriptionNoExpiry'),
                String(account.subscription.devicesUsed),
                String(account.subscription.deviceLimit),
              ])}
            </p>
          ) : null}
          <TrafficLine account={account} />
          <form class="row" onSubmit={(e) => void activate(e)}>
            <input
              id="activation-code"
              type="text"
              aria-label={t('activationCode')}
              placeholder={t('activationCode')}
              value={form.activation}
              onInput={(e) => setForm({ ...form, activation: e.currentTarget.value })}
            />
            <button type="submit" disabled={busy || form.activation.trim().length < 8}>
              {t('activate')}
            </button>
          </form>
          {activated ? <p class="notice success">{t('activationDone')}</p> : null}
          <button
            type="button"
            class="secondary"
            data-testid="sign-out"
            disabled={busy}
            onClick={() => void run(() => send({ type: 'signOut' }))}
          >
            {t('disconnectDevice')}
          </button>
        </>
      ) : (
        <>
          {account.accountFound ? (
            <p class="notice info" data-testid="account-found">
              {t('accountFound', [account.accountFound])}{' '}
              <button type="button" onClick={() => portal('link')}>
                {t('accountFoundConnect')}
              </button>
            </p>
          ) : null}
          <TrafficLine account={account} />
          <form class="account-form" onSubmit={(e) => void signIn(e)} data-testid="sign-in-form">
            <label>
              {t('email')}
              <input
                id="account-email-input"
                type="email"
                autocomplete="username"
                required
                value={form.email}
                onInput={(e) => setForm({ ...form, email: e.currentTarget.value })}
              />
            </label>
            <label>
              {t('password')}
              <input
                id="account-password"
                type="password"
                autocomplete="current-password"
                required
                value={form.password}
                onInput={(e) => setForm({ ...form, password: e.currentTarget.value })}
              />
            </label>
            {needsCode ? (
              <label>
                {t('twoFactorCode')}
                <input
                  id="account-code"
                  type="text"
                  inputMode="numeric"
                  autocomplete="one-time-code"
                  pattern="[0-9]{6}"
                  value={form.code}
                  onInput={(e) => setForm({ ...form, code: e.currentTarget.value })}
                />
              </label>
            ) : null}
            <div class="row">
              <button type="submit" disabled={busy}>
                {t('signIn')}
              </button>
              <button type="button" class="secondary" onClick={() => portal('link')}>
                {t('signInThroughPortal')}
              </button>
            </div>
          </form>
          <p class="row">
            <button type="button" class="link" onClick={() => portal('signUp')}>
              {t('createAccount')}
            </button>
            <button type="button" class="link" onClick={() => portal('reset')}>
              {t('forgotPassword')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}

function TrafficLine({ account }: { account: AccountStatus }) {
  const { t } = usePage();
  if (account.usedTodayBytes === undefined) return null;
  const used = formatBytes(account.usedTodayBytes);
  return (
    <p class="muted" data-testid="account-traffic">
      {account.dailyLimitBytes == null
        ? t('trafficUnlimited', [used])
        : t('trafficToday', [used, formatBytes(account.dailyLimitBytes)])}
    </p>
  );
}
