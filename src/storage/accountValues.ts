import { z } from 'zod';
import { tier } from '../api/common';
import { deviceStatusResponse } from '../api/devices';
import { subscriptionView } from '../api/subscriptions';
import { gatewayView } from '../api/vpn';
import { storedValue } from './define';
import { watchedKeys } from './watchedKeys';

export const accountValues = {
  /** The account this device is linked to; null once it is unlinked. */
  account: storedValue({
    area: 'local',
    key: watchedKeys.account,
    version: 1,
    schema: z.object({ accountId: z.string(), email: z.string() }).nullable(),
  }),
  /** The device's identity with the account service: its id and the refresh token that rotates on use. */
  device: storedValue({
    area: 'local',
    key: 'device',
    version: 1,
    schema: z.object({ deviceId: z.string(), refreshToken: z.string() }),
  }),
  /** The short-lived access token for the account service. */
  deviceAccess: storedValue({
    area: 'session',
    key: 'deviceAccess',
    version: 1,
    schema: z.object({ token: z.string(), expiresAt: z.number() }),
  }),
  /** The device's status as the service last reported it (tier, today's traffic). */
  deviceStatus: storedValue({
    area: 'local',
    key: watchedKeys.deviceStatus,
    version: 1,
    schema: deviceStatusResponse,
  }),
  subscription: storedValue({ area: 'local', key: 'subscription', version: 1, schema: subscriptionView }),
  tier: storedValue({ area: 'local', key: watchedKeys.tier, version: 1, schema: tier }),
  gateways: storedValue({
    area: 'local',
    key: watchedKeys.gateways,
    version: 1,
    schema: z.array(gatewayView.extend({ id: z.string() })),
  }),
  /** A proxy credential and when to renew it (half-life with jitter). */
  proxyCredential: storedValue({
    area: 'session',
    key: 'proxyCredential',
    version: 1,
    schema: z.object({
      username: z.string(),
      password: z.string(),
      expiresAt: z.number(),
      renewAt: z.number(),
    }),
  }),
  /** The random state of a portal sign-in the extension opened, and when it runs out. */
  portalState: storedValue({
    area: 'session',
    key: 'portalState',
    version: 1,
    schema: z.object({ state: z.string(), expiresAt: z.number() }),
  }),
  /** The email of an account the portal says is signed in in this browser ("an account was found"). */
  accountFound: storedValue({ area: 'session', key: 'accountFound', version: 1, schema: z.string() }),
  /**
   * Test builds only: the account service the end-to-end suite started on a random loopback port. Not a
   * setting, so neither the settings patch nor a settings file can reach it.
   */
  serviceOverride: storedValue({
    area: 'local',
    key: 'serviceUrlOverride',
    version: 1,
    schema: z.url({ protocol: /^https?$/ }).max(300),
  }),
};
