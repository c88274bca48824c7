import type { DeviceTokens } from '../../src/api/devices';
import { routes } from '../../src/api/routes';
import { appError, err, ok, type AppError, type Result } from '../../src/result';
import { stored } from '../../src/storage';
import type { BrowserKind, Platform } from '../platform';
import { readStored, removeStored, writeStored } from '../storage/storedValues';
import type { ApiClient } from './apiClient';

/** Renew the access token this long before it expires, so no request goes out with a stale one. */
const EARLY_MS = 60_000;

/**
 * The device's identity with the account service: registered anonymously once, then a refresh token that
 * rotates on every use (kept in `storage.local`) and a short access token (in `storage.session`). Renewal is
 * single-flight: two callers at once would otherwise spend the same refresh token twice, which the service
 * treats as theft and answers by revoking the device.
 */
const DEVICE_NAMES: Record<BrowserKind, string> = {
  chrome: 'Rampart on Chrome',
  firefox: 'Rampart on Firefox',
};

export function createDeviceAuth(platform: Platform, api: ApiClient) {
  let renewing: Promise<Result<string>> | null = null;
  const now = () => platform.now().getTime();

  const save = async (tokens: DeviceTokens) => {
    await writeStored(platform, stored.device, {
      deviceId: tokens.deviceId,
      refreshToken: tokens.refreshToken,
    });
    await writeStored(platform, stored.deviceAccess, {
      token: tokens.accessToken,
      expiresAt: Date.parse(tokens.accessTokenExpiresAt),
    });
    return tokens.accessToken;
  };

  const device = () => readStored(platform, stored.device);

  const register = async (): Promise<Result<string>> => {
    const registered = await api({
      route: routes.registerDevice,
      body: { name: DEVICE_NAMES[platform.browser], platform: platform.browser },
    });
    return registered.ok ? ok(await save(registered.value)) : registered;
  };

  const renew = async (): Promise<Result<string>> => {
    const known = await device();
    if (!known) return register();
    const refreshed = await api({
      route: routes.refreshDeviceToken,
      body: { refreshToken: known.refreshToken },
    });
    if (refreshed.ok) return ok(await save(refreshed.value));
    // A revoked device starts over as a new anonymous one; a network failure keeps what we have.
    if (refreshed.error.status === 401) {
      await forget();
      return err(appError('deviceRevoked', 'errorDeviceRevoked'));
    }
    return refreshed;
  };

  const forget = async () => {
    await removeStored(platform, stored.device);
    await removeStored(platform, stored.deviceAccess);
  };

  return {
    device,
    forget,
    /** A valid access token, renewing or registering when needed. */
    accessToken: async (): Promise<Result<string, AppError>> => {
      const access = await readStored(platform, stored.deviceAccess);
      if (access && access.expiresAt - EARLY_MS > now() && (await device())) return ok(access.token);
      renewing ??= renew().finally(() => (renewing = null));
      return renewing;
    },
    /** Forces the next call to renew (after a 401 on a request made with a stored token). */
    invalidate: () => removeStored(platform, stored.deviceAccess),
  };
}
export type DeviceAuth = ReturnType<typeof createDeviceAuth>;
