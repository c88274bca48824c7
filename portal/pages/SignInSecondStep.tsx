import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { AccountView } from '../../src/api';
import { api } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { SubmitButton } from '../components/SubmitButton';
import { t } from '../i18n';
import { useAction } from '../useAction';

interface SecondStepProps {
  pendingToken: string;
  onSignedIn(account: AccountView): void;
  onStartOver(): void;
}

/** The password was right and the account has two-step verification: a code from the app, or a recovery code. */
export function SecondStep({ pendingToken, onSignedIn, onStartOver }: SecondStepProps): JSX.Element {
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const verify = useAction(async () => {
    const factor = useRecovery ? { recoveryCode: value } : { code: value.replace(/\s/g, '') };
    onSignedIn((await api.signInSecondStep(pendingToken, factor)).account);
  });
  return (
    <section>
      <PageTitle>{t('portal_signIn_secondStepTitle')}</PageTitle>
      <p>{useRecovery ? t('portal_signIn_recoveryHint') : t('portal_signIn_secondStep')}</p>
      <form onSubmit={(event) => (event.preventDefault(), void verify.run())} noValidate>
        {useRecovery ? (
          <Field
            id="recovery-code"
            label={t('portal_fields_recoveryCode')}
            autoComplete="off"
            value={value}
            onInput={setValue}
          />
        ) : (
          <Field
            id="code"
            label={t('portal_fields_code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            value={value}
            onInput={setValue}
          />
        )}
        <ErrorNotice error={verify.error} />
        <div class="actions">
          <SubmitButton busy={verify.busy} label={t('portal_signIn_verify')} testId="second-step-submit" />
          <button
            type="button"
            class="secondary"
            data-testid="use-recovery"
            onClick={() => {
              setUseRecovery(!useRecovery);
              setValue('');
              verify.setError(null);
            }}
          >
            {useRecovery ? t('portal_signIn_useCode') : t('portal_signIn_useRecovery')}
          </button>
          <button type="button" class="secondary" onClick={onStartOver}>
            {t('portal_signIn_startOver')}
          </button>
        </div>
      </form>
    </section>
  );
}
