import type { ConnectionStatus } from '../src/status';
import { usePage } from '../src/ui';

interface Props {
  status: ConnectionStatus;
  busy: boolean;
  onToggle(): void;
}

/** The state at a glance, the one big switch, and why the connection is not working when it is not. */
export function ConnectionPanel({ status, busy, onToggle }: Props) {
  const { t } = usePage();
  return (
    <section class="connection" aria-live="polite">
      <p class="state" data-testid="connection-state" data-state={status.state}>
        {t(`state_${status.state}`)}
      </p>
      {status.state === 'error' && status.reason ? (
        <p class="notice error" data-testid="connection-error">
          {t(`errorReason_${status.reason}`)}
        </p>
      ) : null}
      {status.state === 'limit' ? (
        <p class="notice error" data-testid="limit-notice">
          {status.limitResetAt
            ? t('limitResetsAt', [new Date(status.limitResetAt).toLocaleString()])
            : t('notifyLimitMessage')}
        </p>
      ) : null}
      {status.proxyControlledByOther ? (
        <p class="notice error" data-testid="proxy-taken">
          {t('notifyProxyTakenMessage')}
        </p>
      ) : null}
      {status.gateway ? (
        <p class="muted" data-testid="gateway">
          {t('gatewayLabel', [status.gateway.region, status.gateway.city])}
        </p>
      ) : null}
      {status.state === 'on' && status.exitAddress ? (
        <p class="muted" data-testid="exit-address">
          {t('exitAddressLabel', [status.exitAddress])}
        </p>
      ) : null}
      <button
        type="button"
        class={status.vpnEnabled ? 'vpn-toggle on' : 'vpn-toggle'}
        data-testid="vpn-toggle"
        aria-pressed={status.vpnEnabled}
        disabled={busy}
        onClick={onToggle}
      >
        {t(status.vpnEnabled ? 'turnVpnOff' : 'turnVpnOn')}
      </button>
    </section>
  );
}
