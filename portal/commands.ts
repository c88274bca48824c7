// What the device page says about commands, and which ones are still on their way to the device.
import type { CommandView, DeviceCommand, DeviceDetail } from '../src/api';
import { formatCountry } from '../src/format';
import { PORTAL_LANGUAGE } from './messages';
import { dateOnly, strings } from './strings';

const text = strings.device.commands;

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
  region.toLowerCase() === 'optimal' ? strings.device.optimal : formatCountry(region, PORTAL_LANGUAGE);

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
      return command.enabled ? text.protectionOn : text.protectionOff;
    case 'updateDatabases':
      return text.update;
    case 'setVpn':
      return command.enabled ? text.vpnOn : text.vpnOff;
    case 'setRegion':
      return text.region(regionLabel(command.region));
    case 'checkTabs':
      return text.checkTabs;
  }
}

/** Where a command stands; a failure carries the device's own explanation. */
export function commandStatusText(view: CommandView): string {
  switch (view.status) {
    case 'planned':
      return text.planned(dateOnly(view.expiresAt));
    case 'delivered':
      return text.delivered;
    case 'done':
      return text.done;
    case 'failed':
      return view.message !== null && view.message !== '' ? text.failedWith(view.message) : text.failed;
    case 'expired':
      return text.expired;
  }
}

/** The label of a button whose command is already on its way, so it reads as such and stays disabled. */
export const pendingLabel = (view: CommandView): string =>
  view.status === 'planned' ? text.plannedShort : text.deliveredShort;
