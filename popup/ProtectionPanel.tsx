import { ThreatDatabase, Toggle, useAction, useLoad, usePage } from '../src/ui';

interface Props {
  /** The kill switch as the connection status reports it (the state the traffic is in). */
  killSwitch: boolean;
  /** Asks for a fresh connection status once the kill switch changed. */
  onChanged(): void;
}

/**
 * Web protection and the kill switch as states with their one-click switches, and the threat database line
 * with its age, last check and "Update now".
 */
export function ProtectionPanel({ killSwitch, onChanged }: Props) {
  const { t, send } = usePage();
  const protection = useLoad(() => send({ type: 'getProtectionStatus' }), [send]);
  const toggle = useAction(async (enabled: boolean) => {
    const reply = await send({ type: 'setProtectionEnabled', enabled });
    protection.apply(reply);
    return reply;
  });
  const kill = useAction(async (on: boolean) => {
    const reply = await send({ type: 'updateSettings', patch: { killSwitch: on } });
    onChanged();
    return reply;
  });
  const status = protection.value;
  const error = toggle.error ?? kill.error ?? protection.error;

  return (
    <section class="card protection" data-testid="protection-panel" aria-busy={toggle.busy || kill.busy}>
      {status ? (
        <>
          {status.enabled ? null : (
            <p class="notice warning" role="status" data-testid="protection-off-warning">
              {t('protectionOffWarning')}
            </p>
          )}
          <Toggle
            id="protection-toggle"
            label={t('protectionEnabled')}
            hint={t(status.enabled ? 'protectionStateOn' : 'protectionStateOff')}
            checked={status.enabled}
            disabled={toggle.busy}
            onChange={(enabled) => void toggle.run(enabled)}
          />
        </>
      ) : null}
      <Toggle
        id="kill-switch-toggle"
        label={t('killSwitch')}
        hint={t(killSwitch ? 'killSwitchStateOn' : 'killSwitchStateOff')}
        checked={killSwitch}
        disabled={kill.busy}
        onChange={(on) => void kill.run(on)}
      />
      {status ? (
        <ThreatDatabase status={status} onStatus={(fresh) => protection.apply({ ok: true, value: fresh })} />
      ) : null}
      {error ? (
        <p class="notice error" role="alert">
          {t(error.messageKey, error.substitutions)}
        </p>
      ) : null}
    </section>
  );
}
