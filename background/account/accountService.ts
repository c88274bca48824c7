import type { z } from 'zod';
import type { linkedResponse } from '../../src/api/devices';
import type { ApiRoute, RouteResponse } from '../../src/api/route';
import { routes } from '../../src/api/routes';
import type { AccountStatus } from '../../src/messages';
import { ok, type AppError, type Result } from '../../src/result';
import { stored } from '../../src/storage';
import type { Alarm } from '../alarms';
import type { Platform } from '../platform';
import { readStored, removeStored, writeStored } from '../storage/storedValues';
import type { VpnService } from '../vpn/vpnService';
import type { ApiClient, ApiRequest } from './apiClient';
import type { DeviceAuth } from './deviceAuth';

const ACCOUNT_ALARM = 'account-sync';

export interface AccountDeps {
  platform: Platform;
  api: ApiClient;
  auth: DeviceAuth;
  vpn: VpnService;
  /** 0..1, for the renewal jitter (Math.random in the browser, fixed in tests). */
  random(): number;
}

/**
 * The device's side of "My Rampart": linking and unlinking, the tier and today's traffic, the gateway list,
 * and proxy credentials renewed at half-life with jitter. Everything the VPN needs at once (credentials,
 * gateways, tier) is written to storage, so routing and proxy authentication never wait for the network.
 */
export function createAccountService(deps: AccountDeps) {
  const { platform, api, auth } = deps;
  const now = () => platform.now().getTime();

  /** A device request with a fresh access token; one retry when the token turned out stale. */
  const call = async <R extends ApiRoute>(
    request: Omit<ApiRequest<R>, 'bearer'>,
  ): Promise<Result<RouteResponse<R>, AppError & { status?: number }>> => {
    for (let attempt = 0; ; attempt++) {
      const token = await auth.accessToken();
      if (!token.ok) return token;
      const answer = await api({ ...request, bearer: token.value });
      if (answer.ok || answer.error.status !== 401 || attempt > 0) return answer;
      await auth.invalidate();
    }
  };

  const account = () => readStored(platform, stored.account);

  const renewCredential = async (): Promise<Result<null>> => {
    const issued = await call({ route: routes.vpnCredentials });
    if (!issued.ok) return issued;
    const expiresAt = Date.parse(issued.value.expiresAt);
    const lifetime = expiresAt - now();
    // Half-life, spread by ±10% so that many devices do not renew in the same second.
    const renewAt = Math.round(now() + lifetime / 2 + (deps.random() - 0.5) * 0.2 * lifetime);
    await writeStored(platform, stored.proxyCredential, {
      username: issued.value.username,
      password: issued.value.credential,
      expiresAt,
      renewAt,
    });
    return ok(null);
  };

  const credentialDue = async () => {
    const credential = await readStored(platform, stored.proxyCredential);
    return credential === null || credential.renewAt <= now();
  };

  /** Refreshes status, gateways and (when due) the credential; notices an unlink made from the portal. */
  const syncNow = async (): Promise<Result<null>> => {
    const status = await call({ route: routes.deviceStatus });
    if (!status.ok) return status;
    await writeStored(platform, stored.deviceStatus, status.value);
    const current = await deps.vpn.connection();
    if (current.state === 'limit' && current.resetAt <= now())
      await deps.vpn.dispatch({ type: 'limitReset' });
    await writeStored(platform, stored.tier, status.value.tier);
    const linked = await account();
    if (linked && status.value.accountId === null) {
      await writeStored(platform, stored.account, null);
      await removeStored(platform, stored.proxyCredential);
      await deps.vpn.dispatch({ type: 'signedOut' });
    }
    const gateways = await api({ route: routes.gateways });
    if (gateways.ok) await writeStored(platform, stored.gateways, gateways.value.gateways);
    if ((await account()) !== null || !linked) {
      if (await credentialDue()) {
        const renewed = await renewCredential();
        // The service issues no credential once today's traffic is used up: that is the limit state.
        if (!renewed.ok && renewed.error.code === 'dailyLimitReached') {
          await deps.vpn.dispatch({ type: 'limitReached', resetAt: Date.parse(status.value.resetsAt) });
        }
        if (!renewed.ok) return renewed;
      }
    }
    await deps.vpn.applyRouting();
    return ok(null);
  };

  /**
   * Single-flight: the alarm, a page opening and turning the VPN on share one sync, so two never renew the
   * rotating refresh token or the credential at once.
   */
  let syncing: Promise<Result<null>> | null = null;
  const sync = (): Promise<Result<null>> => {
    syncing ??= syncNow().finally(() => (syncing = null));
    return syncing;
  };
  /** After a change of link or subscription: a sync that starts after it (one in flight may predate it). */
  const resync = async (): Promise<Result<null>> => {
    await syncing?.catch(() => undefined);
    return sync();
  };

  const afterLink = async (linked: z.infer<typeof linkedResponse>) => {
    await writeStored(platform, stored.account, { accountId: linked.accountId, email: linked.email });
    await removeStored(platform, stored.proxyCredential); // the tier changed: the next credential carries it
    await deps.vpn.dispatch({ type: 'signedIn', wantsVpn: false });
    await resync();
  };

  // Once a minute: an unlink made in the portal shows within a minute; credentials renew when due.
  const alarms: Alarm[] = [{ name: ACCOUNT_ALARM, periodInMinutes: 1, run: sync }];

  return {
    alarms,
    sync,
    call,
    isLinked: async () => (await account()) !== null,
    status: async (): Promise<AccountStatus> => {
      const [status, subscription, linked, found] = await Promise.all([
        readStored(platform, stored.deviceStatus),
        readStored(platform, stored.subscription),
        account(),
        readStored(platform, stored.accountFound),
      ]);
      return {
        linked: linked !== null,
        ...(!linked && found !== null ? { accountFound: found } : {}),
        ...(linked ? { email: linked.email } : {}),
        ...(status
          ? {
              tier: status.tier,
              usedTodayBytes: status.usedTodayBytes,
              dailyLimitBytes: status.dailyLimitBytes,
              resetsAt: status.resetsAt,
            }
          : {}),
        ...(subscription ? { subscription } : {}),
      };
    },

    signIn: async (input: { email: string; password: string; code?: string }): Promise<Result<null>> => {
      const linked = await call({
        route: routes.linkWithPassword,
        body: input,
        fields: { code: 'totpCode' },
      });
      if (!linked.ok) return linked;
      await afterLink(linked.value);
      return ok(null);
    },

    linkWithCode: async (code: string): Promise<Result<null>> => {
      const linked = await call({
        route: routes.linkWithCode,
        body: { code },
      });
      if (!linked.ok) return linked;
      await afterLink(linked.value);
      return ok(null);
    },

    /** "Disconnect this device": unlinked on the server, then this device starts over as a new anonymous one. */
    signOut: async (): Promise<Result<null>> => {
      const unlinked = await call({ route: routes.unlinkDevice });
      if (!unlinked.ok && unlinked.error.code !== 'deviceNotLinked') return unlinked;
      await Promise.all([
        writeStored(platform, stored.account, null),
        removeStored(platform, stored.subscription),
        removeStored(platform, stored.proxyCredential),
      ]);
      await auth.forget();
      await deps.vpn.dispatch({ type: 'signedOut' });
      await deps.vpn.dispatch({ type: 'signedIn', wantsVpn: false });
      await resync();
      return ok(null);
    },

    /** After the portal unlinked this device: carry on without an account. */
    continueAnonymously: async (): Promise<Result<null>> => {
      await deps.vpn.dispatch({ type: 'signedIn', wantsVpn: false });
      return resync();
    },

    activate: async (code: string): Promise<Result<null>> => {
      const activated = await call({
        route: routes.activateOnDevice,
        body: { code },
        fields: { code: 'activationCode' },
      });
      if (!activated.ok) return activated;
      await writeStored(platform, stored.subscription, activated.value.subscription);
      await removeStored(platform, stored.proxyCredential);
      await resync();
      return ok(null);
    },
  };
}
export type AccountService = ReturnType<typeof createAccountService>;
