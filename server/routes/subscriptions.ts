import type { FastifyInstance } from 'fastify';
import type { RouteResponse } from '../../src/api/route';
import { routes } from '../../src/api/routes';
import { declaredRoutes } from '../http/declared-route';
import { parse } from '../http/validate';
import type { RouteContext } from './context';

export function subscriptionRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const route = declaredRoutes(app);
  route(routes.subscription, async (request) => {
    const auth = await ctx.guards.session(request);
    return { subscription: await ctx.subscriptions.view(auth.user.id) } satisfies RouteResponse<
      typeof routes.subscription
    >;
  });

  // Public: the plans page explains them before anyone signs in, with the service's own limits.
  route(routes.plans, async () => {
    const { limits, purchaseUrl } = ctx.config;
    return {
      anonymousDailyBytes: limits.anonymousDailyBytes,
      freeDailyBytes: limits.freeDailyBytes,
      freeDeviceLimit: limits.freeDeviceLimit,
      purchaseUrl,
    } satisfies RouteResponse<typeof routes.plans>;
  });

  route(routes.activateSubscription, async (request) => {
    const auth = await ctx.guards.session(request);
    const input = parse(routes.activateSubscription.request, request.body);
    return {
      subscription: await ctx.subscriptions.activate(auth.user.id, input.code, request.ip),
    } satisfies RouteResponse<typeof routes.activateSubscription>;
  });
}
