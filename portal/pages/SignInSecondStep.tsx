import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { AccountView } from '../../src/api';
import { api } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { SubmitButton } from '../components/SubmitButton';
import { strings } from '../strings';
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
      <PageTitle>{strings.signIn.secondStepTitle}</PageTitle>
      <p>{useRecovery ? strings.signIn.recoveryHint : strings.signIn.secondStep}</p>
      <form onSubmit={(event) => (event.preventDefault(), void verify.run())} noValidate>
        {useRecovery ? (
          <Field
            id="recovery-code"
            label={strings.fields.recoveryCode}
            autoComplete="off"
            value={value}
            onInput={setValue}
          />
        ) : (
          <Field
            id="code"
            label={strings.fields.code}
            inputMode="numeric"
            autoComplete="one-time-code"
            value={value}
            onInput={setValue}
          />
        )}
        <ErrorNotice error={verify.error} />
        <div class="actions">
          <SubmitButton busy={verify.busy} label={strings.signIn.verify} testId="second-step-submit" />
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
            {useRecovery ? strings.signIn.useCode : strings.signIn.useRecovery}
          </button>
          <button type="button" class="secondary" onClick={onStartOver}>
            {strings.signIn.startOver}
          </button>
        </div>
      </form>
    </section>
  );
}
