import type { JSX } from 'preact';
import { CopyButton } from '../../components/CopyButton';
import { SubmitButton } from '../../components/SubmitButton';
import { downloadText } from '../../download';
import { RECOVERY_CODES_FILE_NAME, recoveryCodesText } from '../../recoveryCodesFile';
import { dateTime, strings } from '../../strings';

const text = strings.security;

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
    title: text.fileTitle,
    account: text.fileAccount(email),
    created: text.fileCreated(dateTime(createdAt)),
    note: text.fileNote,
  });
  return (
    <div role="region" aria-labelledby="recovery-title">
      <h3 id="recovery-title">{text.recoveryTitle}</h3>
      <p>{text.recoveryIntro}</p>
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
          {text.downloadCodes}
        </button>
        <CopyButton text={codes.join('\n')} label={text.copyCodes} testId="recovery-copy" />
      </div>
      <p>
        <SubmitButton
          type="button"
          busy={busy}
          label={text.saved}
          onClick={onSaved}
          testId="recovery-saved"
        />
      </p>
    </div>
  );
}
