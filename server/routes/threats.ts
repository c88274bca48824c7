import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ThreatsLatest } from '../../src/api/threats';
import type { RouteResponse } from '../../src/api/route';
import { routes } from '../../src/api/routes';
import { declaredRoutes } from '../http/declared-route';
import { parse } from '../http/validate';
import type { ThreatsService } from '../services/threats';

// The threat list the extension downloads (no auth: the list is public) and its false-positive reports.

// Short: a new version should reach browsers within minutes. The snapshot and delta answers change with the
// latest version too, so they carry an ETag (the content is immutable per version) for cheap revalidation.
const CACHE = 'public, max-age=60';

/** Sends JSON text that is already serialised, or 304 when the client holds this very answer. */
function sendCached(request: FastifyRequest, reply: FastifyReply, etag: string, body: string) {
  void reply.header('cache-control', CACHE).header('etag', etag);
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(body);
}

export function threatRoutes(app: FastifyInstance, threats: ThreatsService): void {
  const route = declaredRoutes(app);
  route(routes.threatsLatest, async (_request, reply) => {
    const latest = await threats.latest();
    void reply.header('cache-control', CACHE);
    return latest satisfies ThreatsLatest;
  });

  route(routes.threatsSnapshot, async (request, reply) => {
    const { sha256, body } = await threats.snapshot();
    return sendCached(request, reply, `"${sha256}"`, body);
  });

  route(routes.threatsDelta, async (request, reply) => {
    const { since } = parse(routes.threatsDelta.query, request.query, 'query');
    const { from, to, body } = await threats.deltaSince(since);
    return sendCached(request, reply, `"delta-${from}-${to}"`, body);
  });

  // Anyone may report (the warning page has no account); the service limits reports per address.
  route(routes.reportFalsePositive, async (request, reply) => {
    const input = parse(routes.reportFalsePositive.request, request.body);
    await threats.reportFalsePositive(input, request.ip);
    return reply
      .code(202)
      .send({ received: true } satisfies RouteResponse<typeof routes.reportFalsePositive>);
  });
}
