import { useEffect, useState } from 'preact/hooks';
import type { z } from 'zod';
import { activateRequest, activationCodeShape, signInRequest } from '../src/api';
import { fieldMessages, type FieldAliases } from '../src/fieldMessages';
import { formatBytes, formatDate } from '../src/format';
import type { AccountStatus } from '../src/messages';
import type { AppError } from '../src/result';
import { usePage } from '../src/ui';

type Reply = { ok: true; value: AccountStatus } | { ok: false; error: AppError };

/** Each field of `input` that `schema` refuses, as an error to show; empty when the form may be sent. */
function formProblems(schema: z.ZodType, input: unknown, aliases?: FieldAliases): AppError[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return fieldMessages(result.error.issues, input, aliases).map((problem) => ({
    code: 'invalidRequest',
    messageKey: problem.messageKey,
    substitutions: problem.substitutions,
  }));
}

/** "My Rampart account": sign in (with a code when two-step verification is on), or the linked account. */
export function AccountSection() {
  const { t, send, language } = usePage();
  const [account, setAccount] = useState<AccountStatus | null>(null);
  const [errors, setErrors] = useState<AppError[]>([]);
  const setError = (error: AppError | null) => setErrors(error ? [error] : []);
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
    const problems = formProblems(signInRequest, { email: form.email, password: form.password });
    if (problems.length > 0) return setErrors(problems);
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
    setActivated(false);
    const problems = formProblems(activateRequest, { code: form.activation }, { code: 'activationCode' });
    if (problems.length > 0) return setErrors(problems);
    setActivated(await run(() => send({ type: 'activateCode', code: form.activation })));
  };
  const portal = (page: 'link' | 'signUp' | 'reset') => void send({ type: 'openPortal', page });

  if (!account) return null;

  return (
    <section aria-labelledby="account-heading" data-testid="account-section">
      <h2 id="account-heading">{t('sectionAccount')}</h2>
      {errors.length > 0 ? (
        <div class="notice error" role="alert" data-testid="account-error">
          {errors.map((error) => (
            <p key={error.messageKey}>{t(error.messageKey, error.substitutions)}</p>
          ))}
        </div>
      ) : null}
      {account.linked ? (
        <>
          <p data-testid="account-email">{t('accountSignedInAs', [account.email ?? ''])}</p>
          <p data-testid="account-plan">{t(`plan_${account.tier ?? 'free'}`)}</p>
          {account.subscription ? (
            <p class="muted" data-testid="account-subscription">
              {t('subscriptionDetails', [
                account.subscription.expiresAt
                  ? formatDate(account.subscription.expiresAt, language)
                  : t('subscriptionNoExpiry'),
                String(account.subscription.devicesUsed),
                String(account.subscription.deviceLimit),
              ])}
            </p>
          ) : null}
          <TrafficLine account={account} />
          <form class="activation" onSubmit={(e) => void activate(e)} noValidate>
            <div class="row">
              <input
                id="activation-code"
                type="text"
                autocomplete="off"
                aria-label={t('activationCode')}
                aria-describedby="activation-hint"
                placeholder={activationCodeShape}
                value={form.activation}
                onInput={(e) => setForm({ ...form, activation: e.currentTarget.value })}
              />
              <button type="submit" disabled={busy}>
                {t('activate')}
              </button>
            </div>
            <p id="activation-hint" class="muted" data-testid="activation-hint">
              {t('activationHint', [activationCodeShape])}
            </p>
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
          <form class="account-form" onSubmit={(e) => void signIn(e)} data-testid="sign-in-form" noValidate>
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
  const { t, language } = usePage();
  if (account.usedTodayBytes === undefined) return null;
  const used = formatBytes(account.usedTodayBytes, language);
  return (
    <p class="muted" data-testid="account-traffic">
      {account.dailyLimitBytes == null
        ? t('trafficUnlimited', [used])
        : t('trafficToday', [used, formatBytes(account.dailyLimitBytes, language)])}
    </p>
  );
}
