import type { JSX } from 'preact';
import { CopyButton } from '../../components/CopyButton';
import { SubmitButton } from '../../components/SubmitButton';
import { downloadText } from '../../download';
import { RECOVERY_CODES_FILE_NAME, recoveryCodesText } from '../../recoveryCodesFile';
import { dateTime, t } from '../../i18n';

/** Shown once (the service keeps only their hashes), so they can be copied and saved as a file right here. */
export function RecoveryCodes({
  codes,
  email,
  createdAt,
  busy,
  onSaved,
}: {
  codes: string[];
  email: string;
  /** When the codes were made, for the file's heading. */
  createdAt: string;
  busy: boolean;
  onSaved(): void;
}): JSX.Element {
  const file = recoveryCodesText(codes, {
    title: t('portal_security_fileTitle'),
    account: t('portal_security_fileAccount', [email]),
    created: t('portal_security_fileCreated', [dateTime(createdAt)]),
    note: t('portal_security_fileNote'),
  });
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
      <div class="actions">
        <button
          type="button"
          class="secondary"
          onClick={() => downloadText(RECOVERY_CODES_FILE_NAME, file)}
          data-testid="recovery-download"
        >
          {t('portal_security_downloadCodes')}
        </button>
        <CopyButton text={codes.join('\n')} label={t('portal_security_copyCodes')} testId="recovery-copy" />
      </div>
      <p>
        <SubmitButton
          type="button"
          busy={busy}
          label={t('portal_security_saved')}
          onClick={onSaved}
          testId="recovery-saved"
        />
      </p>
    </div>
  );
}
