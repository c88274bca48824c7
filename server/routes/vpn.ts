import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { GATEWAY_USAGE_PATH, gatewayUsageBatchRequest } from '../../src/api/proxyCredential';
import {
  gatewaysResponse,
  proxyCredentialResponse,
  usageReportResponse,
  usageTodayResponse,
} from '../../src/api/vpn';
import { noStore } from '../http/no-store';
import { parse } from '../http/validate';
import type { RouteContext } from './context';

/** Gateways, proxy credentials and traffic metering. */
export function vpnRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/v1/gateways', async () => {
    return { gateways: await ctx.vpn.listGateways() } satisfies z.infer<typeof gatewaysResponse>;
  });

  app.post('/api/v1/vpn/credentials', { onRequest: noStore }, async (request) => {
    const device = await ctx.guards.device(request);
    const issued = ctx.vpn.issueCredential(device);
    return { ...issued, expiresAt: issued.expiresAt.toISOString() } satisfies z.infer<
      typeof proxyCredentialResponse
    >;
  });

  app.get('/api/v1/devices/me/usage', async (request) => {
    const device = await ctx.guards.device(request);
    const today = ctx.usage.today(device);
    return { ...today, resetsAt: today.resetsAt.toISOString() } satisfies z.infer<typeof usageTodayResponse>;
  });

  app.post(GATEWAY_USAGE_PATH, async (request) => {
    ctx.guards.gateway(request);
    const input = parse(gatewayUsageBatchRequest, request.body);
    return (await ctx.usage.report(input)) satisfies z.infer<typeof usageReportResponse>;
  });
}
