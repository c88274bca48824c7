import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { deviceTokens } from '../../src/api/devices';
import type { RouteResponse } from '../../src/api/route';
import { routes } from '../../src/api/routes';
import { ApiError } from '../errors';
import { noStore } from '../http/no-store';
import { declaredRoutes } from '../http/declared-route';
import { parse } from '../http/validate';
import type { IssuedDeviceTokens } from '../services/devices';
import type { RouteContext } from './context';

const tokensBody = (tokens: IssuedDeviceTokens): z.infer<typeof deviceTokens> => ({
  ...tokens,
  accessTokenExpiresAt: tokens.accessTokenExpiresAt.toISOString(),
});

/** The extension's side (device tokens) and the portal's side (its devices, link codes). */
export function deviceRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const route = declaredRoutes(app);
  route(routes.registerDevice, { onRequest: noStore }, async (request, reply) => {
    // An empty body is fine here: name and platform are optional.
    const input = parse(routes.registerDevice.request, request.body ?? {});
    return reply.code(201).send(tokensBody(await ctx.devices.register(input, request.ip)));
  });

  route(routes.refreshDeviceToken, { onRequest: noStore }, async (request) => {
    const input = parse(routes.refreshDeviceToken.request, request.body);
    return tokensBody(await ctx.devices.refresh(input.refreshToken));
  });

  route(routes.deviceStatus, async (request) => {
    const device = await ctx.guards.device(request);
    const status = await ctx.devices.status(device);
    return {
      deviceId: device.deviceId,
      accountId: device.userId,
      tier: status.tier,
      dailyLimitBytes: status.dailyLimitBytes,
      usedTodayBytes: status.usedTodayBytes,
      resetsAt: status.resetsAt.toISOString(),
    } satisfies RouteResponse<typeof routes.deviceStatus>;
  });

  route(routes.linkWithPassword, async (request) => {
    const device = await ctx.guards.device(request);
    const input = parse(routes.linkWithPassword.request, request.body);
    return ctx.devices.linkWithPassword(device, input, request.ip);
  });

  route(routes.linkWithCode, async (request) => {
    const device = await ctx.guards.device(request);
    const input = parse(routes.linkWithCode.request, request.body);
    return ctx.devices.linkWithCode(device, input.code);
  });

  route(routes.unlinkDevice, async (request, reply) => {
    const device = await ctx.guards.device(request);
    await ctx.devices.unlinkSelf(device);
    return reply.code(204).send();
  });

  route(routes.activateOnDevice, async (request) => {
    const device = await ctx.guards.device(request);
    const input = parse(routes.activateOnDevice.request, request.body);
    if (device.userId === null)
      throw new ApiError(
        'deviceNotLinked',
        'Link this device to an account before activating a subscription.',
      );
    return {
      subscription: await ctx.subscriptions.activate(device.userId, input.code, request.ip),
    } satisfies RouteResponse<typeof routes.activateOnDevice>;
  });

  route(routes.issueLinkCode, { onRequest: noStore }, async (request, reply) => {
    const auth = await ctx.guards.session(request);
    const issued = await ctx.devices.issueLinkCode(auth.user.id);
    return reply
      .code(201)
      .send({ code: issued.code, expiresAt: issued.expiresAt.toISOString() } satisfies RouteResponse<
        typeof routes.issueLinkCode
      >);
  });

  route(routes.accountDevices, async (request) => {
    const auth = await ctx.guards.session(request);
    return { devices: await ctx.accountDevices.list(auth.user.id) } satisfies RouteResponse<
      typeof routes.accountDevices
    >;
  });

  route(routes.renameDevice, async (request) => {
    const auth = await ctx.guards.session(request);
    const { id } = parse(routes.renameDevice.params, request.params, 'path');
    const input = parse(routes.renameDevice.request, request.body);
    return {
      device: await ctx.accountDevices.rename(auth.user.id, id, input.name),
    } satisfies RouteResponse<typeof routes.renameDevice>;
  });

  route(routes.overview, async (request) => {
    const auth = await ctx.guards.session(request);
    return (await ctx.overview.overview(auth.user.id)) satisfies RouteResponse<typeof routes.overview>;
  });

  route(routes.disconnectDevice, async (request, reply) => {
    const auth = await ctx.guards.session(request);
    const { id } = parse(routes.disconnectDevice.params, request.params, 'path');
    await ctx.devices.unlinkFromAccount(auth.user.id, id);
    return reply.code(204).send();
  });
}
