import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import QRCode from 'qrcode';
import { api } from '../../api';
import { CopyButton } from '../../components/CopyButton';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { SubmitButton } from '../../components/SubmitButton';
import { t } from '../../i18n';
import { groupInFours } from '../../twoFactorKey';
import { useAction } from '../../useAction';

interface SetUpProps {
  secret: string;
  otpauthUri: string;
  onConfirmed(recoveryCodes: string[]): void;
  onCancel(): void;
}

/** Scan (or type) the secret, then prove the app has it with one code before 2FA is switched on. */
export function SetUpTwoFactor({ secret, otpauthUri, onConfirmed, onCancel }: SetUpProps): JSX.Element {
  const [qr, setQr] = useState<string | null>(null);
  const [code, setCode] = useState('');
  useEffect(() => {
    // Drawn in the page: the secret never goes to a third-party QR service.
    QRCode.toDataURL(otpauthUri, { margin: 1, width: 220, errorCorrectionLevel: 'M' }).then(setQr, () =>
      setQr(null),
    );
  }, [otpauthUri]);
  const confirm = useAction(async () => onConfirmed(await api.twoFactorConfirm(code.replace(/\s/g, ''))));
  return (
    <div data-testid="two-factor-setup">
      <p>{t('portal_security_scan')}</p>
      {qr !== null ? (
        <img class="qr" src={qr} width={220} height={220} alt={t('portal_security_qrAlt')} />
      ) : null}
      <p class="secret-line">
        {t('portal_security_secret')}:{' '}
        <code class="secret" data-testid="two-factor-secret">
          {groupInFours(secret)}
        </code>{' '}
        <CopyButton text={secret} label={t('portal_security_copyKey')} testId="two-factor-copy" />
      </p>
      <p>{t('portal_security_confirmIntro')}</p>
      <form onSubmit={(event) => (event.preventDefault(), void confirm.run())} noValidate>
        <Field
          id="setup-code"
          label={t('portal_fields_code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onInput={setCode}
        />
        <ErrorNotice error={confirm.error} />
        <div class="actions">
          <SubmitButton
            busy={confirm.busy}
            label={t('portal_security_confirm')}
            testId="two-factor-confirm"
          />
          <button type="button" class="secondary" disabled={confirm.busy} onClick={onCancel}>
            {t('portal_security_cancelSetUp')}
          </button>
        </div>
      </form>
    </div>
  );
}
