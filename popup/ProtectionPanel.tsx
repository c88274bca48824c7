import { ThreatDatabase, Toggle, useAction, useLoad, usePage } from '../src/ui';

/** Web protection on/off, the threat database's version, age and last check, and "update now". */
export function ProtectionPanel() {
  const { t, send } = usePage();
  const protection = useLoad(() => send({ type: 'getProtectionStatus' }), [send]);
  const toggle = useAction(async (enabled: boolean) => {
    const reply = await send({ type: 'setProtectionEnabled', enabled });
    protection.apply(reply);
    return reply;
  });
  const status = protection.value;
  const error = toggle.error ?? protection.error;

  if (!status) return error ? <p class="notice error">{t(error.messageKey, error.substitutions)}</p> : null;

  return (
    <section class="protection" data-testid="protection-panel" aria-busy={toggle.busy}>
      <Toggle
        id="protection-toggle"
        label={t('protectionEnabled')}
        checked={status.enabled}
        disabled={toggle.busy}
        onChange={(enabled) => void toggle.run(enabled)}
      />
      <ThreatDatabase status={status} onStatus={(fresh) => protection.apply({ ok: true, value: fresh })} />
      {error ? (
        <p class="notice error" role="alert">
          {t(error.messageKey, error.substitutions)}
        </p>
      ) : null}
    </section>
  );
}
