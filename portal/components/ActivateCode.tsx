import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { activateRequest, activationCodeShape } from '../../src/api';
import { api } from '../api';
import { t } from '../i18n';
import { useAction } from '../useAction';
import { requireValid } from '../validate';
import { ErrorNotice, SuccessNotice } from './ErrorNotice';
import { Field } from './Field';
import { SubmitButton } from './SubmitButton';

/** The activation-code form (Subscription and Plans): checked here first, then redeemed for the account. */
export function ActivateCode({ onActivated }: { onActivated(): Promise<void> }): JSX.Element {
  const [code, setCode] = useState('');
  const [activated, setActivated] = useState(false);
  const activate = useAction(async () => {
    setActivated(false);
    requireValid(activateRequest, { code }, { code: 'activationCode' });
    await api.activate(code);
    setCode('');
    setActivated(true);
    await onActivated();
  });
  return (
    <form onSubmit={(event) => (event.preventDefault(), void activate.run())} noValidate>
      <Field
        id="activation-code"
        invalid={activate.error?.names('code')}
        label={t('portal_fields_activationCode')}
        autoComplete="off"
        value={code}
        onInput={setCode}
        describedBy="activation-hint"
      >
        <p id="activation-hint" class="muted">
          {t('portal_subscription_activateHint', [activationCodeShape])}
        </p>
      </Field>
      <ErrorNotice error={activate.error} />
      {activated ? <SuccessNotice>{t('portal_subscription_activated')}</SuccessNotice> : null}
      <SubmitButton busy={activate.busy} label={t('portal_subscription_activate')} />
    </form>
  );
}
