import type { ConnectionStatus } from '../../src/status';
import type { Platform } from '../platform';
import type { SettingsStore } from '../settingsStore';
import type { ConnectionStore } from './connectionStore';
import type { VpnService } from './vpnService';

/** The connection as pages and the toolbar show it: the state plus the facts they derive their text from. */
export function createStatusReader(deps: {
  platform: Platform;
  settings: SettingsStore;
  connection: ConnectionStore;
  vpn: Pick<VpnService, 'activeGateway'>;
}) {
  return async (): Promise<ConnectionStatus> => {
    const [settings, record, gateway, control] = await Promise.all([
      deps.settings.get(),
      deps.connection.get(),
      deps.vpn.activeGateway(),
      deps.platform.proxy.levelOfControl(),
    ]);
    return {
      ...record,
      ...(gateway ? { gateway: { id: gateway.id, region: gateway.region, city: gateway.city } } : {}),
      region: settings.region,
      version: deps.platform.extensionVersion,
      protectionEnabled: settings.protectionEnabled,
      vpnEnabled: settings.vpnEnabled,
      killSwitch: settings.killSwitch,
      proxyControlledByOther: control === 'controlled_by_other_extensions' || control === 'not_controllable',
    };
  };
}
export type StatusReader = ReturnType<typeof createStatusReader>;
