import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../i18n';

/** Copies `text` to the clipboard and says whether it worked (a page may be refused the clipboard). */
export function CopyButton({
  text,
  label,
  testId,
}: {
  text: string;
  label: string;
  testId?: string;
}): JSX.Element {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  return (
    <span class="copy">
      <button
        type="button"
        class="secondary"
        data-testid={testId}
        onClick={() =>
          // Pages served over plain http (other than localhost) have no clipboard at all.
          void (navigator.clipboard?.writeText(text) ?? Promise.reject(new Error('no clipboard'))).then(
            () => setOutcome('copied'),
            () => setOutcome('failed'),
          )
        }
      >
        {label}
      </button>
      <span role="status" class={outcome === 'failed' ? 'state-bad' : 'muted'}>
        {outcome === 'copied'
          ? t('portal_security_copied')
          : outcome === 'failed'
            ? t('portal_security_copyFailed')
            : ''}
      </span>
    </span>
  );
}
