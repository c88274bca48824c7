import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { signInResponse } from '../../src/api/accounts';
import type { RouteResponse } from '../../src/api/route';
import { routes } from '../../src/api/routes';
import { noStore } from '../http/no-store';
import { declaredRoutes } from '../http/declared-route';
import { parse } from '../http/validate';
import { accountView, csrfTokenFor } from '../services/sessions';
import type { SignInOutcome } from '../services/accounts';
import { clientMeta, type RouteContext } from './context';

/** Sign-up, email verification, sign-in (with its 2FA step) and password reset. */
export function accountRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const route = declaredRoutes(app);
  const signedIn = (reply: FastifyReply, outcome: SignInOutcome): z.infer<typeof signInResponse> => {
    if (outcome.kind === 'twoFactorRequired') {
      return {
        status: 'twoFactorRequired',
        pendingToken: outcome.pendingToken,
        expiresAt: outcome.expiresAt.toISOString(),
      };
    }
    ctx.cookies.set(
      reply,
      outcome.session.token,
      outcome.session.persistent ? outcome.session.expiresAt : null,
    );
    ctx.deviceCookies.issue(reply, outcome.user.email);
    return { status: 'signedIn', account: accountView(outcome.user), csrfToken: outcome.session.csrfToken };
  };

  route(routes.signUp, async (request, reply) => {
    const input = parse(routes.signUp.request, request.body);
    await ctx.accounts.signUp(input.email, input.password, request.ip);
    return reply.code(202).send({ status: 'verificationSent' } satisfies RouteResponse<typeof routes.signUp>);
  });

  route(routes.verifyEmail, async (request) => {
    const input = parse(routes.verifyEmail.request, request.body);
    await ctx.accounts.verifyEmail(input.token, request.ip);
    return { status: 'verified' } satisfies RouteResponse<typeof routes.verifyEmail>;
  });

  route(routes.resendVerification, async (request, reply) => {
    const input = parse(routes.resendVerification.request, request.body);
    await ctx.accounts.resendVerification(input.email, request.ip);
    return reply
      .code(202)
      .send({ status: 'verificationSent' } satisfies RouteResponse<typeof routes.resendVerification>);
  });

  route(routes.signIn, { onRequest: noStore }, async (request, reply) => {
    const input = parse(routes.signIn.request, request.body);
    const trustedDevice = ctx.deviceCookies.trusted(request, input.email);
    return signedIn(reply, await ctx.accounts.signIn(input, clientMeta(request), trustedDevice));
  });

  route(routes.signInTwoFactor, { onRequest: noStore }, async (request, reply) => {
    const input = parse(routes.signInTwoFactor.request, request.body);
    const factor = 'code' in input ? { code: input.code } : { recoveryCode: input.recoveryCode };
    return signedIn(
      reply,
      await ctx.accounts.completeTwoFactor(input.pendingToken, factor, clientMeta(request)),
    );
  });

  route(routes.currentAccount, { onRequest: noStore }, async (request) => {
    const auth = await ctx.guards.session(request);
    return { account: accountView(auth.user), csrfToken: csrfTokenFor(auth.token) } satisfies RouteResponse<
      typeof routes.currentAccount
    >;
  });

  route(routes.requestPasswordReset, async (request, reply) => {
    const input = parse(routes.requestPasswordReset.request, request.body);
    await ctx.accounts.requestPasswordReset(input.email, request.ip);
    return reply
      .code(202)
      .send({ status: 'resetEmailSent' } satisfies RouteResponse<typeof routes.requestPasswordReset>);
  });

  route(routes.confirmPasswordReset, async (request, reply) => {
    const input = parse(routes.confirmPasswordReset.request, request.body);
    await ctx.accounts.resetPassword(input.token, input.password, request.ip);
    return reply.code(204).send();
  });
}
