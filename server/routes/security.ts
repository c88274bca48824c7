import type { FastifyInstance } from 'fastify';
import type { RouteResponse } from '../../src/api/route';
import { routes } from '../../src/api/routes';
import { noStore } from '../http/no-store';
import { declaredRoutes } from '../http/declared-route';
import { parse } from '../http/validate';
import type { RouteContext } from './context';

/** The signed-in account's security page: sessions, password, two-step verification. */
export function securityRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const route = declaredRoutes(app);
  route(routes.sessions, async (request) => {
    const auth = await ctx.guards.session(request);
    const sessions = await ctx.sessions.list(auth.user.id);
    return {
      sessions: sessions.map((s) => ({
        id: s.id,
        createdAt: s.createdAt.toISOString(),
        lastSeenAt: s.lastSeenAt.toISOString(),
        expiresAt: s.expiresAt.toISOString(),
        persistent: s.persistent,
        userAgent: s.userAgent,
        ip: s.ip,
        current: s.id === auth.session.id,
      })),
    } satisfies RouteResponse<typeof routes.sessions>;
  });

  // Sign out: registered before `/:id` and matched first because it is static.
  route(routes.signOut, async (request, reply) => {
    const auth = await ctx.guards.session(request);
    await ctx.sessions.signOut(auth);
    ctx.cookies.clear(reply);
    return reply.code(204).send();
  });

  route(routes.revokeSession, async (request, reply) => {
    const auth = await ctx.guards.session(request);
    const { id } = parse(routes.revokeSession.params, request.params, 'path');
    await ctx.sessions.revoke(auth.user.id, id);
    return reply.code(204).send();
  });

  route(routes.changePassword, async (request, reply) => {
    const auth = await ctx.guards.session(request);
    const input = parse(routes.changePassword.request, request.body);
    await ctx.accounts.changePassword(
      auth.user,
      auth.session.id,
      input.currentPassword,
      input.newPassword,
      request.ip,
    );
    return reply.code(204).send();
  });

  route(routes.twoFactorSetup, { onRequest: noStore }, async (request) => {
    const auth = await ctx.guards.session(request);
    return (await ctx.twoFactor.setup(auth.user)) satisfies RouteResponse<typeof routes.twoFactorSetup>;
  });

  route(routes.twoFactorConfirm, { onRequest: noStore }, async (request) => {
    const auth = await ctx.guards.session(request);
    const input = parse(routes.twoFactorConfirm.request, request.body);
    return { recoveryCodes: await ctx.twoFactor.confirm(auth.user.id, input.code) } satisfies RouteResponse<
      typeof routes.twoFactorConfirm
    >;
  });

  route(routes.twoFactorDisable, async (request, reply) => {
    const auth = await ctx.guards.session(request);
    const input = parse(routes.twoFactorDisable.request, request.body);
    await ctx.twoFactor.disable(auth.user.id, auth.session.id, input.password, input.code, request.ip);
    return reply.code(204).send();
  });
}
