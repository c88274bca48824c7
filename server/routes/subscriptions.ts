import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { activateRequest, subscriptionResponse } from '../../src/api/subscriptions';
import { parse } from '../http/validate';
import type { RouteContext } from './context';

export function subscriptionRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/v1/subscription', async (request) => {
    const auth = await ctx.guards.session(request);
    return { subscription: await ctx.subscriptions.view(auth.user.id) } satisfies z.infer<
      typeof subscriptionResponse
    >;
  });

  app.post('/api/v1/subscription/activate', async (request) => {
    const auth = await ctx.guards.session(request);
    const input = parse(activateRequest, request.body);
    return {
      subscription: await ctx.subscriptions.activate(auth.user.id, input.code, request.ip),
    } satisfies z.infer<typeof subscriptionResponse>;
  });
}
