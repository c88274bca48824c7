import type { FastifyInstance } from 'fastify';
import type { RouteResponse } from '../../src/api/route';
import { routes } from '../../src/api/routes';
import { declaredRoutes } from '../http/declared-route';
import { parse } from '../http/validate';
import type { RouteContext } from './context';

// A full report (100 detections with long addresses, 50 results) is far above the service's default body
// limit; this one route takes more.
const REPORT_BODY_LIMIT_BYTES = 512 * 1024;

/** Remote management: devices report and collect commands; the portal reads devices, queues commands, reads traffic. */
export function managementRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const route = declaredRoutes(app);
  route(routes.deviceReport, { bodyLimit: REPORT_BODY_LIMIT_BYTES }, async (request) => {
    const device = await ctx.guards.device(request);
    const input = parse(routes.deviceReport.request, request.body);
    return {
      commands: await ctx.management.report(device, input),
    } satisfies RouteResponse<typeof routes.deviceReport>;
  });

  route(routes.deviceDetail, async (request) => {
    const auth = await ctx.guards.session(request);
    const { id } = parse(routes.deviceDetail.params, request.params, 'path');
    return (await ctx.management.detail(auth.user.id, id)) satisfies RouteResponse<
      typeof routes.deviceDetail
    >;
  });

  route(routes.sendCommand, async (request, reply) => {
    const auth = await ctx.guards.session(request);
    const { id } = parse(routes.sendCommand.params, request.params, 'path');
    const input = parse(routes.sendCommand.request, request.body);
    const queued = await ctx.management.sendCommand(auth.user.id, id, input.command);
    return reply.code(201).send(queued satisfies RouteResponse<typeof routes.sendCommand>);
  });

  route(routes.resolveDetections, async (request, reply) => {
    const auth = await ctx.guards.session(request);
    const { id } = parse(routes.resolveDetections.params, request.params, 'path');
    const input = parse(routes.resolveDetections.request, request.body);
    await ctx.management.resolveDetections(auth.user.id, id, input);
    return reply.code(204).send();
  });

  route(routes.traffic, async (request) => {
    const auth = await ctx.guards.session(request);
    return (await ctx.traffic.report(auth.user.id)) satisfies RouteResponse<typeof routes.traffic>;
  });
}
