import { useRef, useState } from 'preact/hooks';
import type { AppError } from '../src/result';
import { MAX_IMPORT_BYTES, type Settings } from '../src/settings';
import { Button, Notice, usePage } from '../src/ui';

type Outcome = { kind: 'error'; error: AppError } | { kind: 'imported' } | { kind: 'exported' } | null;

/** Export to a JSON file and import from one; a bad file is explained and changes nothing. */
export function BackupSection({ onImported }: { onImported(settings: Settings): void }) {
  const { t, send } = usePage();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  // The native file input labels itself in the browser's language ("Choose File"); a button of ours opens it.
  const picker = useRef<HTMLInputElement>(null);

  const exportFile = async () => {
    const reply = await send({ type: 'exportSettings' });
    if (!reply.ok) return setOutcome({ kind: 'error', error: reply.error });
    const url = URL.createObjectURL(new Blob([reply.value.text], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: reply.value.fileName });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setOutcome({ kind: 'exported' });
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      return setOutcome({
        kind: 'error',
        error: { code: 'importTooLarge', messageKey: 'importErrorTooLarge' },
      });
    }
    setBusy(true);
    const reply = await send({ type: 'importSettings', text: await file.text() });
    setBusy(false);
    if (!reply.ok) return setOutcome({ kind: 'error', error: reply.error });
    onImported(reply.value);
    setOutcome({ kind: 'imported' });
  };

  return (
    <>
      <div class="form-actions">
        <Button variant="secondary" onClick={() => void exportFile()}>
          {t('exportSettings')}
        </Button>
        <Button
          variant="secondary"
          data-testid="import-button"
          busy={busy}
          onClick={() => picker.current?.click()}
        >
          {t('importSettings')}
        </Button>
        <input
          id="import-file"
          ref={picker}
          type="file"
          accept="application/json,.json"
          hidden
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => {
            const input = event.currentTarget;
            void importFile(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
      </div>
      <div class="save-state" aria-live="polite" data-testid="backup-outcome">
        {outcome?.kind === 'error' ? (
          <Notice kind="error">
            <p>{t(outcome.error.messageKey, outcome.error.substitutions)}</p>
          </Notice>
        ) : outcome ? (
          <Notice kind="success">
            <p>{t(outcome.kind === 'imported' ? 'importDone' : 'exportDone')}</p>
          </Notice>
        ) : null}
      </div>
    </>
  );
}
