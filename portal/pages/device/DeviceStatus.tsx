import type { JSX } from 'preact';
import type { DeviceDetail } from '../../../src/api';
import { daysAgo } from '../../age';
import { regionLabel } from '../../commands';
import { dateTime, strings } from '../../strings';

const text = strings.device;
const onOff = (on: boolean) => (on ? text.on : text.off);

/** What the device last said about itself, or that it has not said anything yet. */
export function DeviceStatus({ detail, now }: { detail: DeviceDetail; now: number }): JSX.Element {
  const { device, status } = detail;
  return (
    <section aria-labelledby="status-title">
      <h2 id="status-title">{text.statusTitle}</h2>
      <dl class="facts" data-testid="device-state">
        <dt>{strings.devices.platform}</dt>
        <dd>{device.platform ?? '—'}</dd>
        {status === null ? (
          <>
            <dt>{strings.devices.lastSeen}</dt>
            <dd>{device.lastSeenAt === null ? strings.devices.never : dateTime(device.lastSeenAt)}</dd>
          </>
        ) : (
          <>
            <dt>{text.lastReport}</dt>
            <dd data-testid="device-online" data-online={String(status.online)}>
              <span class={status.online ? 'state-ok' : 'muted'}>
                {status.online ? text.online : text.offline}
              </span>{' '}
              · {dateTime(status.reportedAt)}
            </dd>
            <dt>{text.vpn}</dt>
            <dd data-testid="state-vpn" data-state={status.state.vpn.state}>
              {text.vpnStates[status.state.vpn.state]}
            </dd>
            <dt>{text.region}</dt>
            <dd>{regionLabel(status.state.vpn.region)}</dd>
            {status.state.vpn.exitAddress !== null ? (
              <>
                <dt>{text.exitAddress}</dt>
                <dd data-testid="state-exit">{status.state.vpn.exitAddress}</dd>
              </>
            ) : null}
            <dt>{text.protection}</dt>
            <dd data-testid="state-protection" data-enabled={String(status.state.protection.enabled)}>
              {onOff(status.state.protection.enabled)}
            </dd>
            <dt>{text.databases}</dt>
            <dd data-testid="state-databases" title={dateTime(status.state.protection.databaseUpdatedAt)}>
              {text.databaseVersion(
                status.state.protection.databaseVersion,
                daysAgo(status.state.protection.databaseUpdatedAt, now),
              )}
            </dd>
            <dt>{text.killSwitch}</dt>
            <dd data-testid="state-kill-switch">{onOff(status.state.killSwitch)}</dd>
            <dt>{text.extension}</dt>
            <dd>{status.state.extensionVersion}</dd>
          </>
        )}
      </dl>
      {status === null ? (
        <p class="notice info" data-testid="never-reported">
          {text.neverReported}
        </p>
      ) : null}
    </section>
  );
}
