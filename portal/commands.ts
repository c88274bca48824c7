// What the device page says about commands, and which ones are still on their way to the device.
import type { CommandView, DeviceCommand, DeviceDetail } from '../src/api';
import { formatCountry } from '../src/format';
import { activeLanguage, dateOnly, t } from './i18n';

export const sameCommand = (a: DeviceCommand, b: DeviceCommand): boolean =>
  JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());

/** The same command, sent already and not run yet: sending it again would only run it twice. */
export const pendingCommand = (
  commands: readonly CommandView[],
  command: DeviceCommand,
): CommandView | null =>
  commands.find(
    (view) =>
      (view.status === 'planned' || view.status === 'delivered') && sameCommand(view.command, command),
  ) ?? null;

/** A region by the country it is in ("Germany"); Optimal by name; a code that is no country as it is. */
export const regionLabel = (region: string): string =>
  region.toLowerCase() === 'optimal' ? t('portal_device_optimal') : formatCountry(region, activeLanguage());

/** A region as people choose one: its cities and country, "Amsterdam / Paris, Netherlands". */
export const regionPlaceLabel = ({ region, cities }: DeviceDetail['regions'][number]): string => {
  const country = regionLabel(region);
  if (cities.length === 0) return country;
  return country === region ? `${cities.join(' / ')} (${region})` : `${cities.join(' / ')}, ${country}`;
};

/** A command as people read it in the list of recent commands. */
export function commandLabel(command: DeviceCommand): string {
  switch (command.type) {
    case 'setProtection':
      return command.enabled
        ? t('portal_device_commands_protectionOn')
        : t('portal_device_commands_protectionOff');
    case 'updateDatabases':
      return t('portal_device_commands_update');
    case 'setVpn':
      return command.enabled ? t('portal_device_commands_vpnOn') : t('portal_device_commands_vpnOff');
    case 'setRegion':
      return t('portal_device_commands_region', [regionLabel(command.region)]);
    case 'checkTabs':
      return t('portal_device_commands_checkTabs');
  }
}

/** Where a command stands; a failure carries the device's own explanation. */
export function commandStatusText(view: CommandView): string {
  switch (view.status) {
    case 'planned':
      return t('portal_device_commands_planned', [dateOnly(view.expiresAt)]);
    case 'delivered':
      return t('portal_device_commands_delivered');
    case 'done':
      return t('portal_device_commands_done');
    case 'failed':
      return view.message !== null && view.message !== ''
        ? t('portal_device_commands_failedWith', [view.message])
        : t('portal_device_commands_failed');
    case 'expired':
      return t('portal_device_commands_expired');
  }
}

/** The label of a button whose command is already on its way, so it reads as such and stays disabled. */
export const pendingLabel = (view: CommandView): string =>
  view.status === 'planned'
    ? t('portal_device_commands_plannedShort')
    : t('portal_device_commands_deliveredShort');
