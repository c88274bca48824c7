import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import {
  changePasswordRequest,
  sessionIdParams,
  sessionsResponse,
  twoFactorConfirmRequest,
  twoFactorConfirmResponse,
  twoFactorDisableRequest,
  twoFactorSetupResponse,
} from '../../src/api/accounts';
import { noStore } from '../http/no-store';
import { parse } from '../http/validate';
import type { RouteContext } from './context';

/** The signed-in account's security page: sessions, password, two-step verification. */
export function securityRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/v1/sessions', async (request) => {
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
    } satisfies z.infer<typeof sessionsResponse>;
  });

  // Sign out: registered before `/:id` and matched first because it is static.
  app.delete('/api/v1/sessions/current', async (request, reply) => {
    const auth = await ctx.guards.session(request);
    await ctx.sessions.signOut(auth);
    ctx.cookies.clear(reply);
    return reply.code(204).send();
  });

  app.delete('/api/v1/sessions/:id', async (request, reply) => {
    const auth = await ctx.guards.session(request);
    const { id } = parse(sessionIdParams, request.params, 'path');
    await ctx.sessions.revoke(auth.user.id, id);
    return reply.code(204).send();
  });

  app.post('/api/v1/account/password', async (request, reply) => {
    const auth = await ctx.guards.session(request);
    const input = parse(changePasswordRequest, request.body);
    await ctx.accounts.changePassword(
      auth.user,
      auth.session.id,
      input.currentPassword,
      input.newPassword,
      request.ip,
    );
    return reply.code(204).send();
  });

  app.post('/api/v1/account/two-factor/setup', { onRequest: noStore }, async (request) => {
    const auth = await ctx.guards.session(request);
    return (await ctx.twoFactor.setup(auth.user)) satisfies z.infer<typeof twoFactorSetupResponse>;
  });

  app.post('/api/v1/account/two-factor/confirm', { onRequest: noStore }, async (request) => {
    const auth = await ctx.guards.session(request);
    const input = parse(twoFactorConfirmRequest, request.body);
    return { recoveryCodes: await ctx.twoFactor.confirm(auth.user.id, input.code) } satisfies z.infer<
      typeof twoFactorConfirmResponse
    >;
  });

  app.post('/api/v1/account/two-factor/disable', async (request, reply) => {
    const auth = await ctx.guards.session(request);
    const input = parse(twoFactorDisableRequest, request.body);
    await ctx.twoFactor.disable(auth.user.id, auth.session.id, input.password, input.code, request.ip);
    return reply.code(204).send();
  });
}
