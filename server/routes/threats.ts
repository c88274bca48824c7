import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  FALSE_POSITIVE_PATH,
  falsePositiveRequest,
  THREATS_DELTA_PATH,
  THREATS_LATEST_PATH,
  THREATS_SNAPSHOT_PATH,
  type ThreatsLatest,
} from '../../src/api/threats';
import { int32Count } from '../../src/api/storable';
import { parse } from '../http/validate';
import type { ThreatsService } from '../services/threats';

// The threat list the extension downloads (no auth: the list is public) and its false-positive reports.

// Short: a new version should reach browsers within minutes. The snapshot and delta answers change with the
// latest version too, so they carry an ETag (the content is immutable per version) for cheap revalidation.
const CACHE = 'public, max-age=60';

const deltaQuery = z.object({
  since: z
    .string({ message: 'Required: the version the client has' })
    .regex(/^\d{1,10}$/, { message: 'must be a list version, a non-negative integer' })
    .transform(Number)
    .pipe(int32Count()),
});

/** Sends JSON text that is already serialised, or 304 when the client holds this very answer. */
function sendCached(request: FastifyRequest, reply: FastifyReply, etag: string, body: string) {
  void reply.header('cache-control', CACHE).header('etag', etag);
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(body);
}

export function threatRoutes(app: FastifyInstance, threats: ThreatsService): void {
  app.get(THREATS_LATEST_PATH, async (_request, reply) => {
    const latest = await threats.latest();
    void reply.header('cache-control', CACHE);
    return latest satisfies ThreatsLatest;
  });

  app.get(THREATS_SNAPSHOT_PATH, async (request, reply) => {
    const { sha256, body } = await threats.snapshot();
    return sendCached(request, reply, `"${sha256}"`, body);
  });

  app.get(THREATS_DELTA_PATH, async (request, reply) => {
    const { since } = parse(deltaQuery, request.query, 'query');
    const { from, to, body } = await threats.deltaSince(since);
    return sendCached(request, reply, `"delta-${from}-${to}"`, body);
  });

  // Anyone may report (the warning page has no account); the service limits reports per address.
  app.post(FALSE_POSITIVE_PATH, async (request, reply) => {
    const input = parse(falsePositiveRequest, request.body);
    await threats.reportFalsePositive(input, request.ip);
    return reply.code(202).send({ received: true });
  });
}
