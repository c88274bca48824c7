import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import {
  accountDevicesResponse,
  deviceIdParams,
  deviceStatusResponse,
  deviceTokens,
  linkCodeResponse,
  linkWithCodeRequest,
  linkWithPasswordRequest,
  refreshDeviceTokenRequest,
  registerDeviceRequest,
} from '../../src/api/devices';
import { activateRequest, subscriptionResponse } from '../../src/api/subscriptions';
import { ApiError } from '../errors';
import { noStore } from '../http/no-store';
import { parse } from '../http/validate';
import type { IssuedDeviceTokens } from '../services/devices';
import type { RouteContext } from './context';

const tokensBody = (tokens: IssuedDeviceTokens): z.infer<typeof deviceTokens> => ({
  ...tokens,
  accessTokenExpiresAt: tokens.accessTokenExpiresAt.toISOString(),
});

/** The extension's side (device tokens) and the portal's side (its devices, link codes). */
export function deviceRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post('/api/v1/devices', { onRequest: noStore }, async (request, reply) => {
    // An empty body is fine here: name and platform are optional.
    const input = parse(registerDeviceRequest, request.body ?? {});
    return reply.code(201).send(tokensBody(await ctx.devices.register(input, request.ip)));
  });

  app.post('/api/v1/devices/token', { onRequest: noStore }, async (request) => {
    const input = parse(refreshDeviceTokenRequest, request.body);
    return tokensBody(await ctx.devices.refresh(input.refreshToken));
  });

  app.get('/api/v1/devices/me', async (request) => {
    const device = await ctx.guards.device(request);
    const status = await ctx.devices.status(device);
    return {
      deviceId: device.deviceId,
      accountId: device.userId,
      tier: status.tier,
      dailyLimitBytes: status.dailyLimitBytes,
      usedTodayBytes: status.usedTodayBytes,
      resetsAt: status.resetsAt.toISOString(),
    } satisfies z.infer<typeof deviceStatusResponse>;
  });

  app.post('/api/v1/devices/me/link', async (request) => {
    const device = await ctx.guards.device(request);
    const input = parse(linkWithPasswordRequest, request.body);
    return ctx.devices.linkWithPassword(device, input, request.ip);
  });

  app.post('/api/v1/devices/me/link-code', async (request) => {
    const device = await ctx.guards.device(request);
    const input = parse(linkWithCodeRequest, request.body);
    return ctx.devices.linkWithCode(device, input.code);
  });

  app.delete('/api/v1/devices/me/link', async (request, reply) => {
    const device = await ctx.guards.device(request);
    await ctx.devices.unlinkSelf(device);
    return reply.code(204).send();
  });

  app.post('/api/v1/devices/me/activate', async (request) => {
    const device = await ctx.guards.device(request);
    const input = parse(activateRequest, request.body);
    if (device.userId === null)
      throw new ApiError(
        'deviceNotLinked',
        'Link this device to an account before activating a subscription.',
      );
    return {
      subscription: await ctx.subscriptions.activate(device.userId, input.code, request.ip),
    } satisfies z.infer<typeof subscriptionResponse>;
  });

  app.post('/api/v1/link-codes', { onRequest: noStore }, async (request, reply) => {
    const auth = await ctx.guards.session(request);
    const issued = await ctx.devices.issueLinkCode(auth.user.id);
    return reply
      .code(201)
      .send({ code: issued.code, expiresAt: issued.expiresAt.toISOString() } satisfies z.infer<
        typeof linkCodeResponse
      >);
  });

  app.get('/api/v1/account/devices', async (request) => {
    const auth = await ctx.guards.session(request);
    const devices = await ctx.devices.listForAccount(auth.user.id);
    return {
      devices: devices.map((d) => ({
        id: d.id,
        name: d.name,
        platform: d.platform,
        linkedAt: d.linkedAt?.toISOString() ?? null,
        lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
      })),
    } satisfies z.infer<typeof accountDevicesResponse>;
  });

  app.delete('/api/v1/account/devices/:id', async (request, reply) => {
    const auth = await ctx.guards.session(request);
    const { id } = parse(deviceIdParams, request.params, 'path');
    await ctx.devices.unlinkFromAccount(auth.user.id, id);
    return reply.code(204).send();
  });
}
