import { useEffect, useState } from 'preact/hooks';
import type { ProtectionStatus } from '../messages';
import type { AppError } from '../result';
import { usePage } from './pageContext';
import { formatAge } from '../format';

export interface ThreatDatabaseProps {
  status: ProtectionStatus;
  /** A new status after "Update now" (or after joining a check that was already running). */
  onStatus(status: ProtectionStatus): void;
  now?: number;
}

/**
 * The threat database line shown alike in the popup and the options page: version and age (from when the
 * list in force was installed or last confirmed current, as the portal shows it), how the last update
 * check went, and "Update now". A check already running (at install or browser start) is joined, so the
 * page says "Checking for updates…" and then its outcome.
 */
export function ThreatDatabase({ status, onStatus, now = Date.now() }: ThreatDatabaseProps) {
  const { t, send, language } = usePage();
  const [updating, setUpdating] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const checking = updating || status.check.state === 'checking';

  const update = async () => {
    setUpdating(true);
    const reply = await send({ type: 'updateThreats' });
    setUpdating(false);
    // A failed check is stored with its reason, so the fresh status says why; only a silent background is
    // reported here.
    const fresh = reply.ok ? reply : await send({ type: 'getProtectionStatus' });
    if (fresh.ok) onStatus(fresh.value);
    setError(fresh.ok ? null : fresh.error);
  };

  useEffect(() => {
    if (status.check.state === 'checking' && !updating) void update();
    // Only a check seen running when the status arrives is joined.
  }, [status.check.state]);

  const age = formatAge(status.databaseUpdatedAt, now, language) ?? t('justNow');
  const check = status.check;
  const checkedAgo = 'at' in check ? (formatAge(check.at, now, language) ?? t('justNow')) : '';
  const checkLine = checking
    ? t('threatCheckChecking')
    : check.state === 'ok'
      ? t('threatCheckOk', [checkedAgo])
      : check.state === 'failed'
        ? t('threatCheckFailed', [t(check.error.messageKey, check.error.substitutions), checkedAgo])
        : t('threatCheckNever');

  return (
    <div class="threat-db" aria-busy={checking}>
      <p class="muted" data-testid="threat-db">
        {t('threatDbLine', [String(status.listVersion), age])}
      </p>
      <p
        class={check.state === 'failed' && !checking ? 'notice warn' : 'muted'}
        data-testid="threat-check"
        data-state={checking ? 'checking' : check.state}
        role="status"
      >
        {checkLine}
      </p>
      <button type="button" class="secondary" disabled={checking} onClick={() => void update()}>
        {t(checking ? 'threatDbUpdating' : 'threatDbUpdate')}
      </button>
      {error ? (
        <p class="notice error" role="alert">
          {t(error.messageKey, error.substitutions)}
        </p>
      ) : null}
    </div>
  );
}
