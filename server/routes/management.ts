import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { deviceIdParams } from '../../src/api/devices';
import {
  DEVICE_REPORT_PATH,
  commandView,
  deviceDetailResponse,
  deviceReportRequest,
  deviceReportResponse,
  resolveDetectionsRequest,
  sendCommandRequest,
  trafficReportResponse,
} from '../../src/api/management';
import { parse } from '../http/validate';
import type { RouteContext } from './context';

// A full report (100 detections with long addresses, 50 results) is far above the service's default body
// limit; this one route takes more.
const REPORT_BODY_LIMIT_BYTES = 512 * 1024;

/** Remote management: devices report and collect commands; the portal reads devices, queues commands, reads traffic. */
export function managementRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post(DEVICE_REPORT_PATH, { bodyLimit: REPORT_BODY_LIMIT_BYTES }, async (request) => {
    const device = await ctx.guards.device(request);
    const input = parse(deviceReportRequest, request.body);
    return {
      commands: await ctx.management.report(device, input),
    } satisfies z.infer<typeof deviceReportResponse>;
  });

  app.get('/api/v1/account/devices/:id', async (request) => {
    const auth = await ctx.guards.session(request);
    const { id } = parse(deviceIdParams, request.params, 'path');
    return (await ctx.management.detail(auth.user.id, id)) satisfies z.infer<typeof deviceDetailResponse>;
  });

  app.post('/api/v1/account/devices/:id/commands', async (request, reply) => {
    const auth = await ctx.guards.session(request);
    const { id } = parse(deviceIdParams, request.params, 'path');
    const input = parse(sendCommandRequest, request.body);
    const queued = await ctx.management.sendCommand(auth.user.id, id, input.command);
    return reply.code(201).send(queued satisfies z.infer<typeof commandView>);
  });

  app.post('/api/v1/account/devices/:id/detections/resolve', async (request, reply) => {
    const auth = await ctx.guards.session(request);
    const { id } = parse(deviceIdParams, request.params, 'path');
    const input = parse(resolveDetectionsRequest, request.body);
    await ctx.management.resolveDetections(auth.user.id, id, input);
    return reply.code(204).send();
  });

  app.get('/api/v1/account/traffic', async (request) => {
    const auth = await ctx.guards.session(request);
    return (await ctx.traffic.report(auth.user.id)) satisfies z.infer<typeof trafficReportResponse>;
  });
}
