import type { JSX } from 'preact';
import { SubmitButton } from '../../components/SubmitButton';
import { t } from '../../i18n';

/** Shown once: the service keeps only their hashes. */
export function RecoveryCodes({
  codes,
  busy,
  onSaved,
}: {
  codes: string[];
  busy: boolean;
  onSaved(): void;
}): JSX.Element {
  return (
    <div role="region" aria-labelledby="recovery-title">
      <h3 id="recovery-title">{t('portal_security_recoveryTitle')}</h3>
      <p>{t('portal_security_recoveryIntro')}</p>
      <ol class="codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <SubmitButton
        type="button"
        busy={busy}
        label={t('portal_security_saved')}
        onClick={onSaved}
        testId="recovery-saved"
      />
    </div>
  );
}
