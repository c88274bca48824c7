import { useEffect, useState } from 'preact/hooks';
import type { ProtectionStatus } from '../src/messages';
import type { AppError } from '../src/result';
import { ThreatDatabase, Toggle, usePage } from '../src/ui';

/** Web protection on/off, the threat database's version, age and last check, and "update now". */
export function ProtectionPanel() {
  const { t, send } = usePage();
  const [status, setStatus] = useState<ProtectionStatus | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [switching, setSwitching] = useState(false);
  const show = (reply: { ok: true; value: ProtectionStatus } | { ok: false; error: AppError }) =>
    reply.ok ? (setStatus(reply.value), setError(null)) : setError(reply.error);

  useEffect(() => {
    void send({ type: 'getProtectionStatus' }).then(show);
  }, [send]);

  if (!status) return error ? <p class="notice error">{t(error.messageKey, error.substitutions)}</p> : null;

  return (
    <section class="protection" data-testid="protection-panel" aria-busy={switching}>
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
      <ThreatDatabase status={status} onStatus={setStatus} />
      {error ? (
        <p class="notice error" role="alert">
          {t(error.messageKey, error.substitutions)}
        </p>
      ) : null}
    </section>
  );
}
