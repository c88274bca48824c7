import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { AccountView } from '../../../src/api';
import { api } from '../../api';
import { ErrorNotice, SuccessNotice } from '../../components/ErrorNotice';
import { SubmitButton } from '../../components/SubmitButton';
import { useSession } from '../../session';
import { t } from '../../i18n';
import { useAction } from '../../useAction';
import { DisableTwoFactor } from './DisableTwoFactor';
import { RecoveryCodes } from './RecoveryCodes';
import { SetUpTwoFactor } from './SetUpTwoFactor';

// The set-up runs in steps the account state alone cannot tell apart: the recovery codes must stay on screen
// after the service already reports 2FA on, until the person says they saved them.
type Phase =
  | { step: 'idle' }
  | { step: 'scan'; secret: string; otpauthUri: string }
  | { step: 'codes'; codes: string[]; createdAt: string };

export function TwoFactor({ account }: { account: AccountView }): JSX.Element {
  const session = useSession();
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [notice, setNotice] = useState<string | null>(null);
  const start = useAction(async () => {
    setNotice(null);
    setPhase({ step: 'scan', ...(await api.twoFactorSetup()) });
  });
  const finish = useAction(async () => {
    await session.refresh();
    setPhase({ step: 'idle' });
    setNotice(t('portal_security_enabled'));
  });

  let body: JSX.Element;
  if (phase.step === 'scan') {
    body = (
      <SetUpTwoFactor
        secret={phase.secret}
        otpauthUri={phase.otpauthUri}
        onConfirmed={(codes) => setPhase({ step: 'codes', codes, createdAt: new Date().toISOString() })}
        onCancel={() => setPhase({ step: 'idle' })}
      />
    );
  } else if (phase.step === 'codes') {
    body = (
      <RecoveryCodes
        codes={phase.codes}
        email={account.email}
        createdAt={phase.createdAt}
        busy={finish.busy}
        onSaved={() => void finish.run()}
      />
    );
  } else if (account.twoFactorEnabled) {
    body = (
      <>
        <p data-testid="two-factor-state">{t('portal_security_twoFactorOn')}</p>
        <DisableTwoFactor
          onDisabled={async () => {
            await session.refresh();
            setNotice(t('portal_security_disabled'));
          }}
        />
      </>
    );
  } else {
    body = (
      <>
        <p data-testid="two-factor-state">{t('portal_security_twoFactorOff')}</p>
        <SubmitButton
          type="button"
          busy={start.busy}
          label={t('portal_security_setUp')}
          onClick={() => void start.run()}
          testId="two-factor-set-up"
        />
        <ErrorNotice error={start.error} />
      </>
    );
  }
  return (
    <section aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">{t('portal_security_twoFactorTitle')}</h2>
      {notice !== null ? <SuccessNotice>{notice}</SuccessNotice> : null}
      {body}
      <ErrorNotice error={finish.error} />
    </section>
  );
}
