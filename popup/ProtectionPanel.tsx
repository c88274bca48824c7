import { useEffect, useState } from 'preact/hooks';
import type { ProtectionStatus } from '../src/messages';
import type { AppError } from '../src/result';
import { Toggle, usePage } from '../src/ui';

const DAY_MS = 86_400_000;

/** Web protection on/off, the threat database's version and age, and "update now". */
export function ProtectionPanel({ now = Date.now() }: { now?: number }) {
  const { t, send } = usePage();
  const [status, setStatus] = useState<ProtectionStatus | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [updating, setUpdating] = useState(false);
  const [switching, setSwitching] = useState(false);
  const show = (reply: { ok: true; value: ProtectionStatus } | { ok: false; error: AppError }) =>
    reply.ok ? (setStatus(reply.value), setError(null)) : setError(reply.error);

  useEffect(() => {
    void send({ type: 'getProtectionStatus' }).then(show);
  }, [send]);

  if (!status) return error ? <p class="notice error">{t(error.messageKey, error.substitutions)}</p> : null;
  const ageDays = Math.max(0, Math.floor((now - Date.parse(status.listCreatedAt)) / DAY_MS));
  const update = async () => {
    setUpdating(true);
    show(await send({ type: 'updateThreats' }));
    setUpdating(false);
  };

  return (
    <section class="protection" data-testid="protection-panel" aria-busy={switching || updating}>
      <Toggle
        id="protection-toggle"
        label={t('protectionEnabled')}
        checked={status.enabled}
        disabled={switching}
        onChange={(enabled) => {
          setSwitching(true);
          void send({ type: 'setProtectionEnabled', enabled })
            .then(show)
            .finally(() => setSwitching(false));
        }}
      />
      <p class="muted" data-testid="threat-db">
        {t('threatDbVersion', [String(status.listVersion), String(ageDays)])}
      </p>
      <button type="button" class="secondary" disabled={updating} onClick={() => void update()}>
        {t(updating ? 'threatDbUpdating' : 'threatDbUpdate')}
      </button>
      {error ? (
        <p class="notice error" role="alert">
          {t(error.messageKey, error.substitutions)}
        </p>
      ) : null}
    </section>
  );
}
