import type { JSX } from 'preact';
import type { DeviceStatusSummary } from '../../src/api';
import { devicePath } from '../paths';
import { Link } from '../router';
import { strings } from '../strings';

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
        <span class="pill">{strings.devices.notReported}</span>
      </p>
    );
  }
  const text = strings.devices;
  return (
    <p
      class="badges"
      data-testid="device-badges"
      data-reported="true"
      data-online={String(status.online)}
      data-problems={status.problems}
    >
      <span class={status.online ? 'pill ok' : 'pill'}>{status.online ? text.online : text.offline}</span>
      <span class={status.vpn === 'on' ? 'pill ok' : 'pill'}>
        {text.vpn(strings.device.vpnStates[status.vpn])}
      </span>
      <span class={status.protectionEnabled ? 'pill ok' : 'pill bad'}>
        {status.protectionEnabled ? text.protectionOn : text.protectionOff}
      </span>
      {status.problems > 0 ? (
        <Link href={devicePath(deviceId)} class="pill bad" data-testid="device-problems">
          {text.problems(status.problems)}
        </Link>
      ) : (
        <span class="pill ok" data-testid="device-problems">
          {text.noProblems}
        </span>
      )}
    </p>
  );
}
