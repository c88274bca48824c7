import type { FastifyInstance } from 'fastify';
import { loadMigrations, type Database } from '../db';

/**
 * For a load balancer and an orchestrator: `/healthz` says the process answers; `/readyz` says it can serve,
 * that is, the database answers and every migration this build ships has been applied (an instance started
 * against an older schema is not sent traffic).
 */
export function registerHealth(fastify: FastifyInstance, db: Database) {
  const shipped = loadMigrations().map((m) => m.version);
  fastify.get('/healthz', async () => ({ status: 'ok' }));
  fastify.get('/readyz', async (_request, reply) => {
    try {
      const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
      const applied = new Set(rows.map((row) => Number(row.version)));
      const missing = shipped.filter((version) => !applied.has(version));
      if (missing.length) return reply.code(503).send({ status: 'migrationsPending', missing });
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'databaseUnreachable' });
    }
  });
}
