import Fastify, { type FastifyInstance } from 'fastify';
import { routes } from '../../src/api/routes';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics for the account service, served on a port of their own (never on the public one):
 * requests by route and status, latency, credentials issued, guesses refused by the throttle, mail waiting.
 */
export function createServiceMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'rampart_' });
  const requests = new Counter({
    name: 'rampart_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'rampart_http_request_duration_seconds',
    help: 'Time to answer a request, by route pattern',
    labelNames: ['route', 'method'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const credentialsIssued = new Counter({
    name: 'rampart_proxy_credentials_issued_total',
    help: 'Proxy credentials signed for devices',
    registers: [registry],
  });
  const throttleRefusals = new Counter({
    name: 'rampart_throttle_refusals_total',
    help: 'Requests refused by a guessing limit (HTTP 429)',
    registers: [registry],
  });

  // Read from the queue's table when Prometheus scrapes; the queue is shared, so every instance reports the
  // same figure (aggregate with max, not sum).
  let readMailQueueDepth: (() => Promise<number>) | null = null;
  new Gauge({
    name: 'rampart_mail_queue_depth',
    help: 'Mails queued and not yet sent (waiting or due for a retry), over all instances',
    registers: [registry],
    async collect() {
      if (readMailQueueDepth) this.set(await readMailQueueDepth());
    },
  });
  const watchMailQueue = (depth: () => Promise<number>) => {
    readMailQueueDepth = depth;
  };

  /** Counts every answer of `fastify` by its route pattern (never the raw URL, which may carry tokens). */
  const instrument = (fastify: FastifyInstance) => {
    fastify.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      const method = request.method;
      requests.inc({ route, method, status: String(reply.statusCode) });
      latency.observe({ route, method }, reply.elapsedTime / 1000);
      if (reply.statusCode === 429) throttleRefusals.inc();
      if (reply.statusCode < 300 && route === routes.vpnCredentials.path) credentialsIssued.inc();
    });
  };

  /** A separate listener for `/metrics`; `port` 0 picks a free one. */
  const listen = async (host: string, port: number) => {
    const server = Fastify({ logger: false });
    server.get('/metrics', async (_request, reply) =>
      reply.type(registry.contentType).send(await registry.metrics()),
    );
    const address = await server.listen({ host, port });
    return { address, close: () => server.close() };
  };

  return { registry, instrument, listen, watchMailQueue };
}
export type ServiceMetrics = ReturnType<typeof createServiceMetrics>;
