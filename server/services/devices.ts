import { randomUUID } from 'node:crypto';
import type { Tier } from '../../src/api/common';
import type { Limits } from '../config';
import {
  devicesRepository,
  linkCodesRepository,
  managementRepository,
  refreshTokensRepository,
  usersRepository,
  type Database,
  type DeviceContext,
} from '../db';
import { ApiError, invalidToken, unauthenticated } from '../errors';
import { hashToken, newToken } from '../security/tokens';
import type { AccountsService } from './accounts';
import { accountEntitlement, entitlementOf } from './entitlements';
import type { Throttle } from './throttle';
import { addSeconds, nextUtcMidnight, utcDay } from './time';

const LINK_CODE_SECONDS = 5 * 60;

export interface DevicesDeps {
  db: Database;
  now: () => Date;
  throttle: Throttle;
  accounts: Pick<AccountsService, 'checkCredentials'>;
  limits: Limits;
  accessTokenTtlSeconds: number;
}

export interface IssuedDeviceTokens {
  deviceId: string;
  refreshToken: string;
  accessToken: string;
  accessTokenExpiresAt: Date;
}

export function createDevicesService(deps: DevicesDeps) {
  const devices = devicesRepository(deps.db);
  const refreshTokens = refreshTokensRepository(deps.db);
  const linkCodes = linkCodesRepository(deps.db);
  const users = usersRepository(deps.db);
  const management = managementRepository(deps.db);
  // "Last seen" needs minute precision: remember recent touches so a heartbeat is one read, not a read and a write.
  const lastTouched = new Map<string, number>();

  async function issueTokens(deviceId: string): Promise<IssuedDeviceTokens> {
    const now = deps.now();
    const refreshToken = newToken();
    const accessToken = newToken();
    const accessTokenExpiresAt = addSeconds(now, deps.accessTokenTtlSeconds);
    await refreshTokens.insert(hashToken(refreshToken), deviceId, now);
    await devices.setAccessToken(deviceId, hashToken(accessToken), accessTokenExpiresAt);
    return { deviceId, refreshToken, accessToken, accessTokenExpiresAt };
  }

  /** Links after the caller proved the account; enforces one account per device and the device limit. */
  async function link(
    device: DeviceContext,
    userId: string,
  ): Promise<{ accountId: string; email: string; tier: Tier }> {
    const user = await users.byId(userId);
    if (!user) throw unauthenticated();
    if (device.userId !== null && device.userId !== userId) {
      throw new ApiError(
        'deviceAlreadyLinked',
        'This device is linked to another account; disconnect it first.',
      );
    }
    const now = deps.now();
    if (device.userId === null) {
      const linked = await deps.db.transaction(async (tx) => {
        const { deviceLimit } = (await accountEntitlement(tx, userId, now, deps.limits)).entitlement;
        const used = await devicesRepository(tx).countLinked(userId);
        if (used >= deviceLimit) return { deviceLimit, used };
        await devicesRepository(tx).link(device.deviceId, userId, now);
        return null;
      });
      if (linked !== null) {
        throw new ApiError(
          'deviceLimit',
          `This account already uses ${linked.used} of its ${linked.deviceLimit} devices. Disconnect one in My Rampart first.`,
          linked,
        );
      }
    }
    const context = await devices.contextById(device.deviceId, now, utcDay(now));
    const { tier } = entitlementOf(context ?? { ...device, userId }, now, deps.limits);
    return { accountId: user.id, email: user.email, tier };
  }

  /** "Last seen" for the portal, written at most once a minute per device. */
  async function touch(device: DeviceContext): Promise<void> {
    const now = deps.now();
    const previous = lastTouched.get(device.deviceId);
    if (previous === undefined || now.getTime() - previous > 60_000) {
      if (lastTouched.size > 100_000) lastTouched.clear();
      lastTouched.set(device.deviceId, now.getTime());
      await devices.touch(device.deviceId, now);
    }
  }

  return {
    /** A new anonymous device (free tier) with its first tokens. */
    async register(
      input: { name?: string | undefined; platform?: string | undefined },
      ip: string | null,
    ): Promise<IssuedDeviceTokens> {
      const attempts = [['registerIp', ip ?? 'unknown']] as const;
      await deps.throttle.reserve(attempts);
      const id = randomUUID();
      await devices.insert({
        id,
        name: input.name ?? null,
        platform: input.platform ?? null,
        now: deps.now(),
      });
      return issueTokens(id);
    },

    /** Rotates: the old refresh token is spent; presenting a spent one again ends the device's whole chain. */
    async refresh(refreshToken: string): Promise<IssuedDeviceTokens> {
      const outcome = await refreshTokens.spend(hashToken(refreshToken), deps.now());
      if (outcome.kind === 'valid') return issueTokens(outcome.deviceId);
      if (outcome.kind === 'reused') {
        await devices.revokeChain(outcome.deviceId, deps.now());
        throw new ApiError(
          'invalidToken',
          'This refresh token was already used; the device was signed out for safety. Register again.',
        );
      }
      throw invalidToken();
    },

    async authenticate(accessToken: string | undefined): Promise<DeviceContext> {
      if (accessToken === undefined || accessToken.length === 0 || accessToken.length > 256)
        throw unauthenticated();
      const now = deps.now();
      const device = await devices.contextByAccessToken(hashToken(accessToken), now, utcDay(now));
      if (!device)
        throw new ApiError('unauthenticated', 'The device token is invalid or has expired; refresh it.');
      return device;
    },

    async linkWithPassword(
      device: DeviceContext,
      input: { email: string; password: string; code?: string | undefined },
      ip: string | null,
    ) {
      const user = await deps.accounts.checkCredentials(
        input.email,
        input.password,
        ip,
        input.code === undefined ? null : { code: input.code },
      );
      if (user === null)
        throw new ApiError('twoFactorRequired', 'Enter the code from your authenticator app.');
      return link(device, user.id);
    },

    async issueLinkCode(userId: string): Promise<{ code: string; expiresAt: Date }> {
      const code = newToken(16);
      const now = deps.now();
      const expiresAt = addSeconds(now, LINK_CODE_SECONDS);
      await linkCodes.insert(hashToken(code), userId, now, expiresAt);
      return { code, expiresAt };
    },

    async linkWithCode(device: DeviceContext, code: string) {
      const userId = await linkCodes.consume(hashToken(code), deps.now());
      if (userId === null)
        throw new ApiError(
          'invalidToken',
          'This link code is invalid, used or expired. Get a new one from My Rampart.',
        );
      return link(device, userId);
    },

    async unlinkSelf(device: DeviceContext): Promise<void> {
      if (!(await devices.unlink(device.deviceId)))
        throw new ApiError('deviceNotLinked', 'This device is not linked to an account.');
      await management.forgetDevice(device.deviceId, deps.now());
    },

    async unlinkFromAccount(userId: string, deviceId: string): Promise<void> {
      if (!(await devices.unlink(deviceId, userId)))
        throw new ApiError('notFound', 'No such device on this account.');
      await management.forgetDevice(deviceId, deps.now());
    },

    touch,

    /** Heartbeat: the device's tier and today's traffic, and "last seen" for the portal. */
    async status(device: DeviceContext) {
      const now = deps.now();
      await touch(device);
      return {
        ...entitlementOf(device, now, deps.limits),
        usedTodayBytes: device.usedTodayBytes,
        resetsAt: nextUtcMidnight(now),
      };
    },
  };
}
export type DevicesService = ReturnType<typeof createDevicesService>;
