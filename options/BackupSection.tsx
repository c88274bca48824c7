import { useRef, useState } from 'preact/hooks';
import type { AppError } from '../src/result';
import { MAX_IMPORT_BYTES, type Settings } from '../src/settings';
import { usePage } from '../src/ui';

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
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('sectionBackup')}</h2>
      <p class="muted">{t('backupHint')}</p>
      <div class="row">
        <button type="button" class="secondary" onClick={() => void exportFile()}>
          {t('exportSettings')}
        </button>
        <button
          type="button"
          class="secondary"
          data-testid="import-button"
          disabled={busy}
          onClick={() => picker.current?.click()}
        >
          {t('importSettings')}
        </button>
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
          <p class="notice error" role="alert">
            {t(outcome.error.messageKey, outcome.error.substitutions)}
          </p>
        ) : outcome ? (
          <p class="notice success">{t(outcome.kind === 'imported' ? 'importDone' : 'exportDone')}</p>
        ) : null}
      </div>
    </section>
  );
}
