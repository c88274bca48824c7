import { ok } from '../../src/result';
import { SELF_HOSTED_REGION } from '../../src/settings';
import type { ConnectionStatus } from '../../src/status';
import type { Handlers } from '../router';
import type { HandlerDeps } from './deps';

type StatusHandlers = Pick<Handlers, 'getStatus' | 'setVpnEnabled' | 'checkConnection'>;

export function statusHandlers(deps: HandlerDeps): StatusHandlers {
  const status = async (): Promise<ConnectionStatus> => {
    const [settings, record, gateway, control] = await Promise.all([
      deps.settings.get(),
      deps.connection.get(),
      deps.vpn.activeGateway(),
      deps.platform.proxy.levelOfControl(),
    ]);
    return {
      ...record,
      ...(gateway ? { gateway: { id: gateway.id, region: gateway.region, city: gateway.city } } : {}),
      version: deps.platform.extensionVersion,
      protectionEnabled: settings.protectionEnabled,
      vpnEnabled: settings.vpnEnabled,
      killSwitch: settings.killSwitch,
      proxyControlledByOther: control === 'controlled_by_other_extensions' || control === 'not_controllable',
    };
  };

  return {
    getStatus: async () => ok(await status()),
    setVpnEnabled: async ({ enabled }) => {
      // Turning on needs a fresh credential and gateway list; a service outage is then shown by the check.
      if (enabled && (await deps.settings.get()).region !== SELF_HOSTED_REGION) await deps.account.sync();
      await deps.vpn.setVpnEnabled(enabled);
      return ok(await status());
    },
    checkConnection: async () => {
      await deps.vpn.checkConnection();
      return ok(await status());
    },
  };
}
