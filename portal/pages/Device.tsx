import type { JSX } from 'preact';
import { useCallback } from 'preact/hooks';
import type { CommandView } from '../../src/api';
import { api } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageTitle } from '../components/PageTitle';
import { RenameDevice } from '../components/RenameDevice';
import { paths } from '../paths';
import { Link } from '../router';
import { t } from '../i18n';
import { useLiveLoad } from '../useLiveLoad';
import { CommandHistory } from './device/CommandHistory';
import { Commands } from './device/Commands';
import { DeviceStatus } from './device/DeviceStatus';
import { Problems } from './device/Problems';

/** Often enough to watch a command go from Planned to Done while the device polls. */
const REFRESH_MS = 5_000;

/** One device: its reported state, its problems with their fixes, and the commands sent to it. */
export function Device({ params }: { params: Record<string, string> }): JSX.Element {
  const id = params.id ?? '';
  const { state, refreshError, reload, update } = useLiveLoad(() => api.device(id), REFRESH_MS);
  const onSent = useCallback(
    async (view: CommandView) => {
      update((detail) => ({
        ...detail,
        commands: [view, ...detail.commands.filter((c) => c.id !== view.id)],
      }));
      await reload();
    },
    [update, reload],
  );
  const title =
    state.status === 'ready'
      ? (state.value.device.name ?? t('portal_devices_unnamed'))
      : t('portal_device_title');
  return (
    <section data-testid="device-page" data-device-id={id}>
      <p class="back">
        <Link href={paths.devices}>
          <span class="back-arrow" aria-hidden="true">
            ←
          </span>{' '}
          {t('portal_device_back')}
        </Link>
      </p>
      <PageTitle>{title}</PageTitle>
      {state.status === 'loading' ? <p role="status">{t('portal_loading')}</p> : null}
      {state.status === 'failed' ? <ErrorNotice error={state.error} /> : null}
      {state.status === 'ready' && refreshError !== null ? (
        <p class="notice error" role="status" data-testid="refresh-error">
          {t('portal_device_refreshFailed', [refreshError.message])}
        </p>
      ) : null}
      {state.status === 'ready' ? (
        <>
          <div class="title-actions">
            <RenameDevice
              deviceId={id}
              name={title}
              onRenamed={(name) => update((detail) => ({ ...detail, device: { ...detail.device, name } }))}
            />
          </div>
          <DeviceStatus detail={state.value} now={Date.now()} />
          {state.value.status !== null ? (
            <Problems
              problems={state.value.problems}
              target={{ deviceId: id, commands: state.value.commands, onSent }}
              onResolved={reload}
            />
          ) : null}
          <Commands detail={state.value} target={{ deviceId: id, commands: state.value.commands, onSent }} />
          <CommandHistory commands={state.value.commands} />
        </>
      ) : null}
    </section>
  );
}
