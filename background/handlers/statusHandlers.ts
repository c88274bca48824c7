import { ok } from '../../src/result';
import { SELF_HOSTED_REGION } from '../../src/settings';
import type { Handlers } from '../router';
import { createStatusReader } from '../vpn/connectionStatus';
import type { HandlerDeps } from './deps';

type StatusHandlers = Pick<Handlers, 'getStatus' | 'setVpnEnabled' | 'checkConnection'>;

export function statusHandlers(deps: HandlerDeps): StatusHandlers {
  const status = createStatusReader(deps);

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
