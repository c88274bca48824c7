import type { onRequestHookHandler } from 'fastify';

/**
 * For routes whose answers carry secrets (session CSRF tokens, pending sign-ins, two-step secrets and
 * recovery codes, link codes, device tokens, proxy credentials): no browser, shared proxy or back-forward
 * cache may keep a copy. Set when the request arrives, so error answers carry it too. Use as a route's
 * `onRequest` hook: `app.post(path, { onRequest: noStore }, handler)`.
 */
export const noStore: onRequestHookHandler = (_request, reply, done) => {
  void reply.header('cache-control', 'no-store');
  done();
};
