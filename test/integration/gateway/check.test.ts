import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayCheckResponseSchema } from '../../../src/api/proxyCredential';
import { credential, startTestGateway, viaProxy, viaTunnel, type TestGateway } from './helpers';

let gateway: TestGateway;
const resolved: string[] = [];
beforeAll(async () => {
  gateway = await startTestGateway({
    resolve: async (hostname) => {
      resolved.push(hostname);
      return [{ address: '127.0.0.1', family: 4 }];
    },
  });
});
afterAll(async () => {
  await gateway.close();
});

describe('gateway check host check.rampart.internal', () => {
  it("answers a plain request itself with the exit address, the gateway and today's usage", async () => {
    const token = credential({
      deviceId: 'dev-9',
      accountId: 'acc-9',
      tier: 'free',
      dailyLimitBytes: 300 * 1024 * 1024,
    });
    const reply = await viaProxy(gateway, 'http://check.rampart.internal/', token);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    const body = gatewayCheckResponseSchema.parse(JSON.parse(reply.body.toString()));
    expect(body).toMatchObject({
      exitAddress: '127.0.0.1',
      gateway: { id: 'gw-test', region: 'nl', city: 'Amsterdam' },
      device: { deviceId: 'dev-9', accountId: 'acc-9', tier: 'free' },
      usage: { dailyLimitBytes: 300 * 1024 * 1024, limitReached: false },
    });
    expect(resolved).toEqual([]);
  });

  it('answers inside a CONNECT tunnel too', async () => {
    const { connect, inner } = await viaTunnel(gateway, 'check.rampart.internal:80', '/', credential());
    expect(connect.status).toBe(200);
    expect(JSON.parse(inner?.body.toString() ?? '{}')).toMatchObject({
      exitAddress: '127.0.0.1',
      gateway: { region: 'nl' },
    });
    expect(resolved).toEqual([]);
  });

  it('still answers at the limit, saying so and when it resets', async () => {
    const token = credential({ deviceId: 'at-limit', dailyLimitBytes: 10, usedBytesAtIssue: 10 });
    const body = JSON.parse(
      (await viaProxy(gateway, 'http://check.rampart.internal/', token)).body.toString(),
    );
    expect(body.usage).toMatchObject({ usedBytes: 10, limitReached: true });
    expect(Date.parse(body.usage.resetsAt)).toBeGreaterThan(Date.now());
  });

  it('does not charge the check itself', async () => {
    const token = credential({ deviceId: 'poller', dailyLimitBytes: 1000 });
    for (let i = 0; i < 3; i += 1) await viaProxy(gateway, 'http://check.rampart.internal/', token);
    const body = JSON.parse(
      (await viaProxy(gateway, 'http://check.rampart.internal/', token)).body.toString(),
    );
    expect(body.usage.usedBytes).toBe(0);
  });

  it('requires a credential like everything else', async () => {
    const reply = await viaProxy(gateway, 'http://check.rampart.internal/', undefined);
    expect(reply.status).toBe(407);
  });

  it('reports the configured EXIT_ADDRESS', async () => {
    const configured = await startTestGateway({ exitAddress: '203.0.113.7' });
    try {
      const reply = await viaProxy(configured, 'http://check.rampart.internal/', credential());
      expect(JSON.parse(reply.body.toString()).exitAddress).toBe('203.0.113.7');
    } finally {
      await configured.close();
    }
  });
});
