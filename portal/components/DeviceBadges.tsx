import type { JSX } from 'preact';
import type { DeviceStatusSummary } from '../../src/api';
import { devicePath } from '../paths';
import { Link } from '../router';
import { t, tCount } from '../i18n';
import { vpnStateKeys } from '../pages/device/DeviceStatus';

/** A device's last report at a glance: online, VPN, protection, open problems (each also said in words). */
export function DeviceBadges({
  deviceId,
  status,
}: {
  deviceId: string;
  status: DeviceStatusSummary | null;
}): JSX.Element {
  if (status === null) {
    return (
      <p class="badges" data-testid="device-badges" data-reported="false">
        <span class="pill">{t('portal_devices_notReported')}</span>
      </p>
    );
  }
  return (
    <p
      class="badges"
      data-testid="device-badges"
      data-reported="true"
      data-online={String(status.online)}
      data-problems={status.problems}
    >
      <span class={status.online ? 'pill ok' : 'pill'}>
        {status.online ? t('portal_devices_online') : t('portal_devices_offline')}
      </span>
      <span class={status.vpn === 'on' ? 'pill ok' : 'pill'}>
        {t('portal_devices_vpn', [t(vpnStateKeys[status.vpn])])}
      </span>
      <span class={status.protectionEnabled ? 'pill ok' : 'pill bad'}>
        {status.protectionEnabled ? t('portal_devices_protectionOn') : t('portal_devices_protectionOff')}
      </span>
      {status.problems > 0 ? (
        <Link href={devicePath(deviceId)} class="pill bad" data-testid="device-problems">
          {tCount('portal_devices_problems', status.problems)}
        </Link>
      ) : (
        <span class="pill ok" data-testid="device-problems">
          {t('portal_devices_noProblems')}
        </span>
      )}
    </p>
  );
}
