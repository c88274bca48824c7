// Leaf modules, not the `status` barrel: its schemas would bring zod in before the first status (speed budget).
import { MAX_CONNECT_ATTEMPTS } from '../../status/machine';
import type { ConnectionStatus } from '../../status/states';
import { headlineKey } from '../../status/view';
import { usePage } from '../pageContext';
import { StatusShield } from './StatusShield';

interface Props {
  status: ConnectionStatus;
  busy: boolean;
  onToggle(): void;
}

/**
 * The state at a glance: a shield whose colour and mark change with the state, the state in words, why it
 * is not working, and the one big switch as the main button while it means something.
 */
export function ConnectionPanel({ status, busy, onToggle }: Props) {
  const { t } = usePage();
  // At the limit and when signed out there is no connection to switch: their own panels offer the way out.
  const showToggle = status.state !== 'limit' && status.state !== 'loggedOut';
  return (
    <section class={`connection state-${status.state}`} aria-live="polite" data-state={status.state}>
      <StatusShield state={status.state} />
      <p class="state" data-testid="connection-state" data-state={status.state}>
        {t(headlineKey(status))}
      </p>
      {status.state === 'connecting' ? (
        <p class="muted" data-testid="connecting-note">
          {status.failures > 0
            ? t('reconnectingNote', [String(status.failures + 1), String(MAX_CONNECT_ATTEMPTS)])
            : t('connectingNote')}
        </p>
      ) : null}
      {status.state === 'on' ? <p class="muted">{t('stateOnNote')}</p> : null}
      {status.state === 'off' ? <p class="muted">{t('stateOffNote')}</p> : null}
      {status.state === 'error' ? (
        <p class="notice error" data-testid="connection-error">
          {t(`errorReason_${status.reason}`)}
        </p>
      ) : null}
      {status.proxyControlledByOther ? (
        <p class="notice error" data-testid="proxy-taken">
          {t('notifyProxyTakenMessage')}
        </p>
      ) : null}
      {showToggle ? (
        <button
          type="button"
          class={status.vpnEnabled ? 'vpn-toggle secondary' : 'vpn-toggle'}
          data-testid="vpn-toggle"
          aria-pressed={status.vpnEnabled}
          disabled={busy}
          onClick={onToggle}
        >
          {t(status.vpnEnabled ? 'turnVpnOff' : 'turnVpnOn')}
        </button>
      ) : null}
    </section>
  );
}
