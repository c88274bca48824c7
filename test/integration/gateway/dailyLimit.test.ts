import { describe, expect, it } from 'vitest';
import { ok } from '../../../src/result';
import {
  credential,
  gatewayPerTest,
  type Origin,
  startedForAll,
  startOrigin,
  startTrickleOrigin,
  type TestGateway,
  viaProxy,
  viaTunnel,
} from './helpers';

let origin: Origin;
startedForAll(startOrigin, (started) => (origin = started));
let gateway: TestGateway | undefined;
const startGateway = gatewayPerTest();

const nextMidnight = () => {
  const day = 24 * 60 * 60 * 1000;
  return new Date(Math.floor(Date.now() / day) * day + day).toISOString();
};

describe('gateway daily limit', () => {
  it('refuses with the reason and the reset time once the allowance is used up', async () => {
    gateway = await startGateway();
    const token = credential({ dailyLimitBytes: 100_000 });
    expect((await viaProxy(gateway, `http://site.test:${origin.port}/bytes/150000`, token)).status).toBe(200);
    await gateway.flushUsage();

    const plain = await viaProxy(gateway, `http://site.test:${origin.port}/bytes/10`, token);
    const tunnel = await viaTunnel(gateway, `site.test:${origin.port}`, '/bytes/10', token);
    for (const reply of [plain, tunnel.connect]) {
      expect(reply.status).toBe(429);
      expect(reply.headers['x-rampart-reason']).toBe('daily-limit');
      expect(reply.headers['x-rampart-reset']).toBe(nextMidnight());
      expect(Number(reply.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('gives each device its own allowance, as the account service counts it', async () => {
    gateway = await startGateway();
    const limit = { accountId: 'acc-1', tier: 'free' as const, dailyLimitBytes: 50_000 };
    const first = credential({ ...limit, deviceId: 'd-1' });
    await viaProxy(gateway, `http://site.test:${origin.port}/bytes/60000`, first);
    await gateway.flushUsage();
    expect((await viaProxy(gateway, `http://site.test:${origin.port}/`, first)).status).toBe(429);
    const second = credential({ ...limit, deviceId: 'd-2' });
    expect((await viaProxy(gateway, `http://site.test:${origin.port}/`, second)).status).toBe(200);
  });

  it('starts from the usage the account service knew when it signed', async () => {
    gateway = await startGateway();
    const token = credential({ dailyLimitBytes: 200 * 1024 * 1024, usedBytesAtIssue: 200 * 1024 * 1024 });
    const reply = await viaProxy(gateway, `http://site.test:${origin.port}/`, token);
    expect(reply.status).toBe(429);
    expect(origin.seen).not.toContain('/never');
  });

  it('refuses a device the account service reports at its limit (traffic through other gateways)', async () => {
    gateway = await startGateway({
      reportUsage: async () => ok({ overLimitDeviceIds: ['busy-elsewhere'] }),
    });
    const token = credential({ deviceId: 'busy-elsewhere', dailyLimitBytes: 10 ** 9 });
    expect((await viaProxy(gateway, `http://site.test:${origin.port}/`, token)).status).toBe(200);
    await gateway.flushUsage();
    const refused = await viaProxy(gateway, `http://site.test:${origin.port}/`, token);
    expect(refused.headers['x-rampart-reason']).toBe('daily-limit');
    const check = JSON.parse(
      (await viaProxy(gateway, 'http://check.rampart.internal/', token)).body.toString(),
    );
    expect(check.usage).toMatchObject({ usedBytes: 10 ** 9, limitReached: true });
    // A newer credential brings the service's newer figure (here: a larger allowance after linking).
    const renewed = credential(
      { deviceId: 'busy-elsewhere', dailyLimitBytes: 2 * 10 ** 9, usedBytesAtIssue: 10 ** 9 },
      Date.now() + 1000,
    );
    expect((await viaProxy(gateway, `http://site.test:${origin.port}/`, renewed)).status).toBe(200);
  });

  it('never limits an unlimited credential', async () => {
    gateway = await startGateway();
    const token = credential({ tier: 'unlimited', dailyLimitBytes: null, usedBytesAtIssue: 10 ** 12 });
    expect((await viaProxy(gateway, `http://site.test:${origin.port}/bytes/200000`, token)).status).toBe(200);
    expect((await viaProxy(gateway, `http://site.test:${origin.port}/`, token)).status).toBe(200);
  });

  it('cuts an open tunnel once the allowance runs out during it', async () => {
    const trickle = await startTrickleOrigin();
    const port = trickle.port;
    gateway = await startGateway({ meterIntervalMs: 50 });
    try {
      const started = Date.now();
      const outcome = await viaTunnel(
        gateway,
        `site.test:${port}`,
        '/',
        credential({ dailyLimitBytes: 200_000 }),
      ).then(
        (result) => `ended with ${result.inner?.body.length ?? 0} bytes`,
        (error: unknown) => `ended with ${String(error)}`,
      );
      expect(outcome).toMatch(/^ended/);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      trickle.close();
    }
  });
});
