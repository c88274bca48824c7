import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api';
import { ErrorNotice, SuccessNotice } from '../components/ErrorNotice';
import { PageTitle } from '../components/PageTitle';
import { DeviceBadges } from '../components/DeviceBadges';
import { RenameDevice } from '../components/RenameDevice';
import { SubmitButton } from '../components/SubmitButton';
import { devicePath } from '../paths';
import { Link } from '../router';
import { dateTime, strings } from '../strings';
import { useAction } from '../useAction';
import { useLoad } from '../useLoad';

type Device = Awaited<ReturnType<typeof api.devices>>[number];

const deviceName = (device: Device) => device.name ?? strings.devices.unnamed;

export function Devices(): JSX.Element {
  const { state, reload } = useLoad(api.devices);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section>
      <PageTitle>{strings.devices.title}</PageTitle>
      {notice !== null ? <SuccessNotice>{notice}</SuccessNotice> : null}
      {state.status === 'loading' ? <p role="status">{strings.loading}</p> : null}
      {state.status === 'failed' ? <ErrorNotice error={state.error} /> : null}
      {state.status === 'ready' && state.value.length === 0 ? (
        <p data-testid="no-devices">{strings.devices.none}</p>
      ) : null}
      {state.status === 'ready' && state.value.length > 0 ? (
        <ul class="list" data-testid="devices">
          {state.value.map((device) => (
            <DeviceRow
              key={device.id}
              device={device}
              onDisconnected={async () => {
                setNotice(strings.devices.disconnected(deviceName(device)));
                await reload();
              }}
              onRenamed={async (name) => {
                setNotice(strings.devices.renamed(name));
                await reload();
              }}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function DeviceRow({
  device,
  onDisconnected,
  onRenamed,
}: {
  device: Device;
  onDisconnected(): Promise<void>;
  onRenamed(name: string): Promise<void>;
}): JSX.Element {
  const [confirming, setConfirming] = useState(false);
  const disconnect = useAction(async () => {
    await api.disconnectDevice(device.id);
    await onDisconnected();
  });
  const name = deviceName(device);
  return (
    <li data-testid="device" data-device-id={device.id}>
      <h2 class="item-title" data-testid="device-name">
        {name}
      </h2>
      <DeviceBadges deviceId={device.id} status={device.status} />
      <dl class="facts">
        <dt>{strings.devices.platform}</dt>
        <dd>{device.platform ?? '—'}</dd>
        <dt>{strings.devices.lastSeen}</dt>
        <dd>{device.lastSeenAt === null ? strings.devices.never : dateTime(device.lastSeenAt)}</dd>
        {device.linkedAt !== null ? (
          <>
            <dt>{strings.devices.linked}</dt>
            <dd>{dateTime(device.linkedAt)}</dd>
          </>
        ) : null}
      </dl>
      <div class="manage actions">
        <Link href={devicePath(device.id)} class="button-link" data-testid="device-manage">
          {strings.devices.manage}
          <span class="visually-hidden"> “{name}”</span>
        </Link>
        <RenameDevice deviceId={device.id} name={name} onRenamed={onRenamed} />
      </div>
      {confirming ? (
        <div class="confirm" role="group" aria-label={strings.devices.disconnect}>
          <p>{strings.devices.confirm(name)}</p>
          <div class="actions">
            <SubmitButton
              type="button"
              variant="danger"
              busy={disconnect.busy}
              label={strings.devices.confirmYes}
              onClick={() => void disconnect.run()}
              testId="confirm-disconnect"
            />
            <button
              type="button"
              class="secondary"
              disabled={disconnect.busy}
              onClick={() => setConfirming(false)}
            >
              {strings.devices.cancel}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="secondary" onClick={() => setConfirming(true)} data-testid="disconnect">
          {strings.devices.disconnect}
        </button>
      )}
      <ErrorNotice error={disconnect.error} />
    </li>
  );
}
