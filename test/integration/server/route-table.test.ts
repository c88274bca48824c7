import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../../src/api/routes';
import { startServer, type TestServer } from './helpers';

// The service answers exactly the routes of the table its clients call by name (src/api/routes).

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

describe('the route table and the service', () => {
  it('registers every route of the table, and under /api/v1 nothing else', () => {
    const registered = server.app.routes
      // Fastify adds a HEAD route beside each GET by itself.
      .filter((route) => route.method !== 'HEAD' && route.url.startsWith('/api/v1/'))
      .map((route) => `${route.method} ${route.url}`);
    const declared = Object.values(routes).map((route) => `${route.method} ${route.path}`);
    expect(registered.sort()).toEqual(declared.sort());
    expect(new Set(registered).size).toBe(registered.length);
  });

  it('answers a declared route at its path', async () => {
    const reply = await fetch(`${server.url}${routes.gateways.path}`);
    expect(reply.status).toBe(200);
    expect(routes.gateways.response.safeParse(await reply.json()).success).toBe(true);
  });
});
