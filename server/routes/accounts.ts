import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import {
  currentAccountResponse,
  passwordResetConfirm,
  passwordResetRequest,
  passwordResetRequested,
  resendVerificationRequest,
  signInRequest,
  signInResponse,
  signInTwoFactorRequest,
  signUpRequest,
  signUpResponse,
  verifyEmailRequest,
  verifyEmailResponse,
} from '../../src/api/accounts';
import { noStore } from '../http/no-store';
import { parse } from '../http/validate';
import { accountView, csrfTokenFor } from '../services/sessions';
import type { SignInOutcome } from '../services/accounts';
import { clientMeta, type RouteContext } from './context';

/** Sign-up, email verification, sign-in (with its 2FA step) and password reset. */
export function accountRoutes(app: FastifyInstance, ctx: RouteContext): void {
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

  app.post('/api/v1/accounts', async (request, reply) => {
    const input = parse(signUpRequest, request.body);
    await ctx.accounts.signUp(input.email, input.password, request.ip);
    return reply.code(202).send({ status: 'verificationSent' } satisfies z.infer<typeof signUpResponse>);
  });

  app.post('/api/v1/accounts/verify-email', async (request) => {
    const input = parse(verifyEmailRequest, request.body);
    await ctx.accounts.verifyEmail(input.token, request.ip);
    return { status: 'verified' } satisfies z.infer<typeof verifyEmailResponse>;
  });

  app.post('/api/v1/accounts/resend-verification', async (request, reply) => {
    const input = parse(resendVerificationRequest, request.body);
    await ctx.accounts.resendVerification(input.email, request.ip);
    return reply.code(202).send({ status: 'verificationSent' } satisfies z.infer<typeof signUpResponse>);
  });

  app.post('/api/v1/sessions', { onRequest: noStore }, async (request, reply) => {
    const input = parse(signInRequest, request.body);
    const trustedDevice = ctx.deviceCookies.trusted(request, input.email);
    return signedIn(reply, await ctx.accounts.signIn(input, clientMeta(request), trustedDevice));
  });

  app.post('/api/v1/sessions/two-factor', { onRequest: noStore }, async (request, reply) => {
    const input = parse(signInTwoFactorRequest, request.body);
    const factor = 'code' in input ? { code: input.code } : { recoveryCode: input.recoveryCode };
    return signedIn(
      reply,
      await ctx.accounts.completeTwoFactor(input.pendingToken, factor, clientMeta(request)),
    );
  });

  app.get('/api/v1/account', { onRequest: noStore }, async (request) => {
    const auth = await ctx.guards.session(request);
    return { account: accountView(auth.user), csrfToken: csrfTokenFor(auth.token) } satisfies z.infer<
      typeof currentAccountResponse
    >;
  });

  app.post('/api/v1/password-resets', async (request, reply) => {
    const input = parse(passwordResetRequest, request.body);
    await ctx.accounts.requestPasswordReset(input.email, request.ip);
    return reply
      .code(202)
      .send({ status: 'resetEmailSent' } satisfies z.infer<typeof passwordResetRequested>);
  });

  app.post('/api/v1/password-resets/confirm', async (request, reply) => {
    const input = parse(passwordResetConfirm, request.body);
    await ctx.accounts.resetPassword(input.token, input.password, request.ip);
    return reply.code(204).send();
  });
}
