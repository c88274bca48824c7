import type { JSX } from 'preact';
import type { DeviceDetail } from '../../../src/api';
import type { ConnectionState } from '../../../src/status/states';
import { daysAgo } from '../../age';
import { regionLabel } from '../../commands';
import { dateTime, t, type MessageKey } from '../../i18n';

export const vpnStateKeys: Record<ConnectionState, MessageKey> = {
  off: 'portal_device_vpnStates_off',
  connecting: 'portal_device_vpnStates_connecting',
  on: 'portal_device_vpnStates_on',
  error: 'portal_device_vpnStates_error',
  limit: 'portal_device_vpnStates_limit',
  loggedOut: 'portal_device_vpnStates_loggedOut',
};
const onOff = (on: boolean) => (on ? t('portal_device_on') : t('portal_device_off'));

/** What the device last said about itself, or that it has not said anything yet. */
export function DeviceStatus({ detail, now }: { detail: DeviceDetail; now: number }): JSX.Element {
  const { device, status } = detail;
  return (
    <section aria-labelledby="status-title">
      <h2 id="status-title">{t('portal_device_statusTitle')}</h2>
      <dl class="facts" data-testid="device-state">
        <dt>{t('portal_devices_platform')}</dt>
        <dd>{device.platform ?? '—'}</dd>
        {status === null ? (
          <>
            <dt>{t('portal_devices_lastSeen')}</dt>
            <dd>{device.lastSeenAt === null ? t('portal_devices_never') : dateTime(device.lastSeenAt)}</dd>
          </>
        ) : (
          <>
            <dt>{t('portal_device_lastReport')}</dt>
            <dd data-testid="device-online" data-online={String(status.online)}>
              <span class={status.online ? 'state-ok' : 'muted'}>
                {status.online ? t('portal_device_online') : t('portal_device_offline')}
              </span>{' '}
              · {dateTime(status.reportedAt)}
            </dd>
            <dt>{t('portal_device_vpn')}</dt>
            <dd data-testid="state-vpn" data-state={status.state.vpn.state}>
              {t(vpnStateKeys[status.state.vpn.state])}
            </dd>
            <dt>{t('portal_device_region')}</dt>
            <dd>{regionLabel(status.state.vpn.region)}</dd>
            {status.state.vpn.exitAddress !== null ? (
              <>
                <dt>{t('portal_device_exitAddress')}</dt>
                <dd data-testid="state-exit">{status.state.vpn.exitAddress}</dd>
              </>
            ) : null}
            <dt>{t('portal_device_protection')}</dt>
            <dd data-testid="state-protection" data-enabled={String(status.state.protection.enabled)}>
              {onOff(status.state.protection.enabled)}
            </dd>
            <dt>{t('portal_device_databases')}</dt>
            <dd data-testid="state-databases" title={dateTime(status.state.protection.databaseUpdatedAt)}>
              {t('portal_device_databaseVersion', [
                String(status.state.protection.databaseVersion),
                daysAgo(status.state.protection.databaseUpdatedAt, now),
              ])}
            </dd>
            <dt>{t('portal_device_killSwitch')}</dt>
            <dd data-testid="state-kill-switch">{onOff(status.state.killSwitch)}</dd>
            <dt>{t('portal_device_extension')}</dt>
            <dd>{status.state.extensionVersion}</dd>
          </>
        )}
      </dl>
      {status === null ? (
        <p class="notice info" data-testid="never-reported">
          {t('portal_device_neverReported')}
        </p>
      ) : null}
    </section>
  );
}
