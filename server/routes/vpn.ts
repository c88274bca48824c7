import type { FastifyInstance } from 'fastify';
import type { RouteResponse } from '../../src/api/route';
import { routes } from '../../src/api/routes';
import { noStore } from '../http/no-store';
import { declaredRoutes } from '../http/declared-route';
import { parse } from '../http/validate';
import type { RouteContext } from './context';

/** Gateways, proxy credentials and traffic metering. */
export function vpnRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const route = declaredRoutes(app);
  route(routes.gateways, async () => {
    return { gateways: await ctx.vpn.listGateways() } satisfies RouteResponse<typeof routes.gateways>;
  });

  route(routes.vpnCredentials, { onRequest: noStore }, async (request) => {
    const device = await ctx.guards.device(request);
    const issued = ctx.vpn.issueCredential(device);
    return { ...issued, expiresAt: issued.expiresAt.toISOString() } satisfies RouteResponse<
      typeof routes.vpnCredentials
    >;
  });

  route(routes.usageToday, async (request) => {
    const device = await ctx.guards.device(request);
    const today = ctx.usage.today(device);
    return { ...today, resetsAt: today.resetsAt.toISOString() } satisfies RouteResponse<
      typeof routes.usageToday
    >;
  });

  route(routes.gatewayUsage, async (request) => {
    ctx.guards.gateway(request);
    const input = parse(routes.gatewayUsage.request, request.body);
    return (await ctx.usage.report(input)) satisfies RouteResponse<typeof routes.gatewayUsage>;
  });
}
