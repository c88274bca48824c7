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
import { dateTime, t } from '../i18n';
import { useAction } from '../useAction';
import { useLoad } from '../useLoad';

type Device = Awaited<ReturnType<typeof api.devices>>[number];

const deviceName = (device: Device) => device.name ?? t('portal_devices_unnamed');

export function Devices(): JSX.Element {
  const { state, reload } = useLoad(api.devices);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section>
      <PageTitle>{t('portal_devices_title')}</PageTitle>
      {notice !== null ? <SuccessNotice>{notice}</SuccessNotice> : null}
      {state.status === 'loading' ? <p role="status">{t('portal_loading')}</p> : null}
      {state.status === 'failed' ? <ErrorNotice error={state.error} /> : null}
      {state.status === 'ready' && state.value.length === 0 ? (
        <p data-testid="no-devices">{t('portal_devices_none')}</p>
      ) : null}
      {state.status === 'ready' && state.value.length > 0 ? (
        <ul class="list" data-testid="devices">
          {state.value.map((device) => (
            <DeviceRow
              key={device.id}
              device={device}
              onDisconnected={async () => {
                setNotice(t('portal_devices_disconnected', [deviceName(device)]));
                await reload();
              }}
              onRenamed={async (name) => {
                setNotice(t('portal_devices_renamed', [name]));
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
        <dt>{t('portal_devices_platform')}</dt>
        <dd>{device.platform ?? '—'}</dd>
        <dt>{t('portal_devices_lastSeen')}</dt>
        <dd>{device.lastSeenAt === null ? t('portal_devices_never') : dateTime(device.lastSeenAt)}</dd>
        {device.linkedAt !== null ? (
          <>
            <dt>{t('portal_devices_linked')}</dt>
            <dd>{dateTime(device.linkedAt)}</dd>
          </>
        ) : null}
      </dl>
      <div class="manage actions">
        <Link href={devicePath(device.id)} class="button-link" data-testid="device-manage">
          {t('portal_devices_manage')}
          <span class="visually-hidden"> “{name}”</span>
        </Link>
        <RenameDevice deviceId={device.id} name={name} onRenamed={onRenamed} />
      </div>
      {confirming ? (
        <div class="confirm" role="group" aria-label={t('portal_devices_disconnect')}>
          <p>{t('portal_devices_confirm', [name])}</p>
          <div class="actions">
            <SubmitButton
              type="button"
              variant="danger"
              busy={disconnect.busy}
              label={t('portal_devices_confirmYes')}
              onClick={() => void disconnect.run()}
              testId="confirm-disconnect"
            />
            <button
              type="button"
              class="secondary"
              disabled={disconnect.busy}
              onClick={() => setConfirming(false)}
            >
              {t('portal_devices_cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="secondary" onClick={() => setConfirming(true)} data-testid="disconnect">
          {t('portal_devices_disconnect')}
        </button>
      )}
      <ErrorNotice error={disconnect.error} />
    </li>
  );
}
