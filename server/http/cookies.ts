import '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The session cookie. With TLS it is `__Host-rampart_session` (Secure, Path=/, no Domain: the browser pins
 * it to this exact origin). Over plain http on loopback (development, tests) a Secure cookie would not come
 * back from every client, and the `__Host-` prefix requires Secure, so the name drops the prefix there.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-rampart_session' : 'rampart_session';
}

export interface SessionCookies {
  read(request: FastifyRequest): string | undefined;
  set(reply: FastifyReply, token: string, persistentUntil: Date | null): void;
  clear(reply: FastifyReply): void;
}

export function sessionCookies(secure: boolean): SessionCookies {
  const name = sessionCookieName(secure);
  const base = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
  return {
    read: (request) => request.cookies[name],
    // "Remember me" gets an expiry (30 days); otherwise a browser-session cookie.
    set: (reply, token, persistentUntil) =>
      void reply.setCookie(
        name,
        token,
        persistentUntil === null ? base : { ...base, expires: persistentUntil },
      ),
    clear: (reply) => void reply.clearCookie(name, base),
  };
}
