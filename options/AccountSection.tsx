import { useState } from 'preact/hooks';
import type { z } from 'zod';
import { activateRequest, activationCodeShape, signInRequest } from '../src/api';
import { fieldMessages, type FieldAliases } from '../src/fieldMessages';
import { formatBytes, formatDate } from '../src/format';
import type { AccountStatus } from '../src/messages';
import type { AppError } from '../src/result';
import { Button, Field, Notice, TextInput, useAction, useLoad, usePage } from '../src/ui';

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
  const { value: account, error: loadError, apply } = useLoad(() => send({ type: 'getAccount' }), [send]);
  const [needsCode, setNeedsCode] = useState(false);
  const [form, setForm] = useState({ email: '', password: '', code: '', activation: '' });
  const [activated, setActivated] = useState(false);
  // What the form itself refuses before anything is sent, one line per field.
  const [problems, setProblems] = useState<AppError[]>([]);
  // Every account request answers with the account as it is now.
  const {
    busy,
    error: refused,
    run,
  } = useAction(async (work: () => Promise<Reply>) => {
    setProblems([]);
    const reply = await work();
    if (reply.ok) apply(reply);
    else if (reply.error.code === 'twoFactorRequired') setNeedsCode(true);
    return reply;
  });
  const refusal = refused ?? loadError;
  const errors = problems.length > 0 ? problems : refusal ? [refusal] : [];

  const signIn = async (event: Event) => {
    event.preventDefault();
    const found = formProblems(signInRequest, { email: form.email, password: form.password });
    if (found.length > 0) return setProblems(found);
    const code = form.code.trim();
    const reply = await run(() =>
      send({
        type: 'signIn',
        email: form.email,
        password: form.password,
        ...(needsCode && code ? { code } : {}),
      }),
    );
    if (reply?.ok) {
      setForm({ ...form, password: '', code: '' });
      setNeedsCode(false);
    }
  };
  const activate = async (event: Event) => {
    event.preventDefault();
    setActivated(false);
    const found = formProblems(activateRequest, { code: form.activation }, { code: 'activationCode' });
    if (found.length > 0) return setProblems(found);
    const reply = await run(() => send({ type: 'activateCode', code: form.activation }));
    setActivated(reply?.ok === true);
  };
  const portal = (page: 'link' | 'signUp' | 'reset' | 'home' | 'traffic') =>
    void send({ type: 'openPortal', page });

  if (!account)
    return loadError ? (
      <Notice kind="error" testId="account-error">
        <p>{t(loadError.messageKey, loadError.substitutions)}</p>
      </Notice>
    ) : (
      <p class="muted">{t('loading')}</p>
    );

  return (
    <div class="account" data-testid="account-section">
      {errors.length > 0 ? (
        <Notice kind="error" testId="account-error">
          {errors.map((error) => (
            <p key={error.messageKey}>{t(error.messageKey, error.substitutions)}</p>
          ))}
        </Notice>
      ) : null}
      {account.linked ? (
        <>
          <div class="group account-summary">
            <p class="account-email" data-testid="account-email">
              {t('accountSignedInAs', [account.email ?? ''])}
            </p>
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
            <div class="form-actions">
              <Button variant="secondary" onClick={() => portal('home')}>
                {t('openMyRampart')}
              </Button>
              <Button variant="secondary" onClick={() => portal('traffic')}>
                {t('trafficReportLink')}
              </Button>
            </div>
          </div>
          <form class="group activation" onSubmit={(e) => void activate(e)} noValidate>
            <Field id="activation-code" label={t('activationCode')}>
              <div class="inline-form">
                <TextInput
                  id="activation-code"
                  code
                  autocomplete="off"
                  aria-describedby="activation-hint"
                  placeholder={activationCodeShape}
                  value={form.activation}
                  onValue={(activation) => setForm({ ...form, activation })}
                />
                <Button type="submit" busy={busy}>
                  {t('activate')}
                </Button>
              </div>
              <p id="activation-hint" class="field-hint" data-testid="activation-hint">
                {t('activationHint', [activationCodeShape])}
              </p>
            </Field>
            {activated ? <Notice kind="success">{t('activationDone')}</Notice> : null}
          </form>
          <div class="group">
            <Button
              variant="secondary"
              data-testid="sign-out"
              busy={busy}
              onClick={() => void run(() => send({ type: 'signOut' }))}
            >
              {t('disconnectDevice')}
            </Button>
          </div>
        </>
      ) : (
        <>
          {account.accountFound ? (
            <div class="notice info" data-testid="account-found">
              {t('accountFound', [account.accountFound])}{' '}
              <Button onClick={() => portal('link')}>{t('accountFoundConnect')}</Button>
            </div>
          ) : null}
          <TrafficLine account={account} />
          <form class="account-form" onSubmit={(e) => void signIn(e)} data-testid="sign-in-form" noValidate>
            <Field id="account-email-input" label={t('email')}>
              <TextInput
                id="account-email-input"
                type="email"
                autocomplete="username"
                required
                value={form.email}
                onValue={(email) => setForm({ ...form, email })}
              />
            </Field>
            <Field id="account-password" label={t('password')}>
              <TextInput
                id="account-password"
                type="password"
                autocomplete="current-password"
                required
                value={form.password}
                onValue={(password) => setForm({ ...form, password })}
              />
            </Field>
            {needsCode ? (
              <Field id="account-code" label={t('twoFactorCode')}>
                <TextInput
                  id="account-code"
                  code
                  inputMode="numeric"
                  autocomplete="one-time-code"
                  pattern="[0-9]{6}"
                  value={form.code}
                  onValue={(code) => setForm({ ...form, code })}
                />
              </Field>
            ) : null}
            <div class="form-actions">
              <Button type="submit" busy={busy}>
                {t('signIn')}
              </Button>
              <Button variant="secondary" onClick={() => portal('link')}>
                {t('signInThroughPortal')}
              </Button>
            </div>
          </form>
          <p class="form-actions">
            <Button variant="link" onClick={() => portal('signUp')}>
              {t('createAccount')}
            </Button>
            <Button variant="link" onClick={() => portal('reset')}>
              {t('forgotPassword')}
            </Button>
          </p>
        </>
      )}
    </div>
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
