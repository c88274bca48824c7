import { Signer } from '@fastify/cookie';
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * OWASP's "device cookie": after a successful sign-in the browser gets a signed cookie naming the account (a
 * hash of its email) and a random nonce. A later sign-in for that account from that browser is counted per
 * cookie instead of per account, so a stranger who spends the account's guesses does not lock its owner out
 * of a browser the owner already used. The cookie proves nothing by itself: the password is still checked,
 * and guesses with one cookie have their own limit.
 */
export function deviceCookieName(secure: boolean): string {
  return secure ? '__Host-rampart_device' : 'rampart_device';
}

const LIFETIME_SECONDS = 180 * 86_400;

export interface DeviceCookies {
  /** The nonce of this browser's device cookie when it is genuine and was issued for `email`, else null. */
  trusted(request: FastifyRequest, email: string): string | null;
  /** A fresh device cookie for `email`, after a successful sign-in. */
  issue(reply: FastifyReply, email: string): void;
}

const accountTag = (email: string) =>
  createHash('sha256').update(email.toLowerCase()).digest('base64url').slice(0, 22);

/** `secret` is shared by every instance (see `serverSecretsRepository`), so any of them accepts the cookie. */
export function deviceCookies(secure: boolean, secret: string): DeviceCookies {
  const name = deviceCookieName(secure);
  const signer = new Signer(secret);
  // Strict: only the portal's own sign-in form needs it.
  const options = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure,
    maxAge: LIFETIME_SECONDS,
  };
  return {
    trusted(request, email) {
      const raw = request.cookies[name];
      if (raw === undefined) return null;
      const unsigned = signer.unsign(raw);
      if (!unsigned.valid || unsigned.value === null) return null;
      const [tag, nonce] = unsigned.value.split('.');
      return tag === accountTag(email) && nonce !== undefined && nonce.length > 0 ? nonce : null;
    },
    issue(reply, email) {
      const value = `${accountTag(email)}.${randomBytes(16).toString('base64url')}`;
      reply.setCookie(name, signer.sign(value), options);
    },
  };
}
