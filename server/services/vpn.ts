import { randomUUID } from 'node:crypto';
import {
  newProxyCredentialPayload,
  proxyCredentialPayloadSchema,
  type ProxyCredentialPayload,
} from '../../src/api/proxyCredential';
import type { Limits } from '../config';
import { gatewaysRepository, type Database, type DeviceContext, type GatewayRow } from '../db';
import { ApiError } from '../errors';
import type { ProxyCredentialSigner } from './credential-signer';
import { entitlementOf } from './entitlements';
import { nextUtcMidnight } from './time';

export interface IssuedCredential {
  credential: string;
  username: string;
  expiresAt: Date;
  payload: ProxyCredentialPayload;
}

export function createVpnService(deps: {
  db: Database;
  now: () => Date;
  limits: Limits;
  signer: ProxyCredentialSigner;
}) {
  const gateways = gatewaysRepository(deps.db);
  return {
    listGateways: () => gateways.list(),

    async addGateway(input: Omit<GatewayRow, 'id' | 'load'>): Promise<GatewayRow> {
      const gateway = { ...input, id: randomUUID(), load: 0 };
      await gateways.insert({ ...gateway, now: deps.now() });
      return gateway;
    },

    /** A signed proxy credential (20 minutes) for the device; refused once today's traffic is used up. */
    issueCredential(device: DeviceContext): IssuedCredential {
      const now = deps.now();
      const entitlement = entitlementOf(device, now, deps.limits);
      if (entitlement.dailyLimitBytes !== null && device.usedTodayBytes >= entitlement.dailyLimitBytes) {
        const resetsAt = nextUtcMidnight(now).toISOString();
        throw new ApiError(
          'dailyLimitReached',
          `Today's free traffic is used up; it renews at ${resetsAt}.`,
          { resetsAt },
        );
      }
      const input = newProxyCredentialPayload(
        {
          deviceId: device.deviceId,
          accountId: device.userId,
          tier: entitlement.tier,
          dailyLimitBytes: entitlement.dailyLimitBytes,
          // Gateways add their own count to this, so a fresh credential does not reset the day.
          usedBytesAtIssue: device.usedTodayBytes,
          keyId: deps.signer.keyId,
        },
        now.getTime(),
      );
      const payload = proxyCredentialPayloadSchema.parse(input);
      return {
        credential: deps.signer.sign(input),
        username: device.deviceId,
        expiresAt: new Date(payload.expiresAt),
        payload,
      };
    },
  };
}
export type VpnService = ReturnType<typeof createVpnService>;
