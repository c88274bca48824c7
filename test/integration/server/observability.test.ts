import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './helpers';

// What an operator's load balancer and Prometheus see: liveness, readiness, and metrics on their own port.

let server: TestServer;

beforeAll(async () => {
  server = await startServer({ config: { metrics: { host: '127.0.0.1', port: 0 } } });
});
afterAll(() => server.close());

const metricsText = async () => {
  const address = server.app.metricsAddress();
  if (!address) throw new Error('the metrics listener did not start');
  return (await fetch(`${address}/metrics`)).text();
};

describe('health and metrics', () => {
  it('/healthz answers while the process runs; /readyz once the database has every migration', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
  });

  it('/readyz refuses traffic while a shipped migration is not applied', async () => {
    const { rows } = await server.db.query<{ version: number; name: string }>(
      'SELECT version, name FROM schema_migrations ORDER BY version DESC LIMIT 1',
    );
    const newest = rows[0]!;
    await server.db.query('DELETE FROM schema_migrations WHERE version = $1', [newest.version]);
    try {
      const reply = await fetch(`${server.url}/readyz`);
      expect([reply.status, await reply.json()]).toEqual([
        503,
        { status: 'migrationsPending', missing: [Number(newest.version)] },
      ]);
    } finally {
      await server.db.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        newest.version,
        newest.name,
      ]);
    }
  });

  it('counts requests by route pattern and status on the metrics port, never on the public one', async () => {
    await fetch(`${server.url}/reset-password?token=secret-token-value`);
    await fetch(`${server.url}/api/v1/account`);
    const text = await metricsText();
    expect(text).toMatch(
      /rampart_http_requests_total\{route="\/api\/v1\/account",method="GET",status="401"\} 1/,
    );
    expect(text).toContain('rampart_http_request_duration_seconds_bucket');
    expect(text).not.toContain('secret-token-value');
    expect((await fetch(`${server.url}/metrics`)).status).not.toBe(200);
  });
});
