import { useRef, useState } from 'preact/hooks';
import { appError, ok, type Result } from '../src/result';
import { MAX_IMPORT_BYTES, type Settings } from '../src/settings';
import { Button, Notice, useAction, usePage } from '../src/ui';

type Done = 'imported' | 'exported';

const tooLarge = appError('importTooLarge', 'importErrorTooLarge');

/** Export to a JSON file and import from one; a bad file is explained and changes nothing. */
export function BackupSection({ onImported }: { onImported(settings: Settings): void }) {
  const { t, send } = usePage();
  const [done, setDone] = useState<Done | null>(null);
  const { busy, error, setError, run } = useAction(async (work: () => Promise<Result<Done>>) => {
    setDone(null);
    const reply = await work();
    if (reply.ok) setDone(reply.value);
    return reply;
  });
  // The native file input labels itself in the browser's language ("Choose File"); a button of ours opens it.
  const picker = useRef<HTMLInputElement>(null);

  const exportFile = () =>
    run(async () => {
      const reply = await send({ type: 'exportSettings' });
      if (!reply.ok) return reply;
      const url = URL.createObjectURL(new Blob([reply.value.text], { type: 'application/json' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: reply.value.fileName });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return ok('exported' as const);
    });

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setDone(null);
      return setError(tooLarge);
    }
    await run(async () => {
      const reply = await send({ type: 'importSettings', text: await file.text() });
      if (!reply.ok) return reply;
      onImported(reply.value);
      return ok('imported' as const);
    });
  };

  return (
    <>
      <div class="form-actions">
        <Button variant="secondary" busy={busy} onClick={() => void exportFile()}>
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
        {error ? (
          <Notice kind="error">
            <p>{t(error.messageKey, error.substitutions)}</p>
          </Notice>
        ) : done ? (
          <Notice kind="success">
            <p>{t(done === 'imported' ? 'importDone' : 'exportDone')}</p>
          </Notice>
        ) : null}
      </div>
    </>
  );
}
