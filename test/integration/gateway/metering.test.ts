import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../src/result';
import type { GatewayUsageBatch } from '../../../src/api/proxyCredential';
import { appError } from '../../../src/result';
import {
  credential,
  gatewayPerTest,
  type Origin,
  startedForAll,
  startOrigin,
  type TestGateway,
  totals,
  viaProxy,
  viaTunnel,
} from './helpers';

let origin: Origin;
startedForAll(startOrigin, (started) => (origin = started));

let gateway: TestGateway | undefined;
const startGateway = gatewayPerTest();

const MB = 1024 * 1024;
/** Headers, TLS framing of the tunnel and the proxy's own lines: a few percent at most on a megabyte. */
const near = (actual: number, expected: number) => {
  expect(actual).toBeGreaterThanOrEqual(expected);
  expect(actual).toBeLessThan(expected * 1.03);
};

describe('gateway metering', () => {
  it('counts a download through plain HTTP within a few percent of the body size', async () => {
    gateway = await startGateway();
    const reply = await viaProxy(gateway, `http://site.test:${origin.port}/bytes/${MB}`, credential());
    expect(reply.body.length).toBe(MB);
    expect(await gateway.flushUsage()).toBe(true);
    near(totals(gateway.batches).down, MB);
  });

  it('counts a download through a CONNECT tunnel within a few percent of the body size', async () => {
    gateway = await startGateway();
    const { inner } = await viaTunnel(gateway, `site.test:${origin.port}`, `/bytes/${2 * MB}`, credential());
    expect(inner?.body.length).toBe(2 * MB);
    await expect
      .poll(async () => (await gateway?.flushUsage(), totals(gateway?.batches ?? []).down))
      .toBeGreaterThan(2 * MB);
    near(totals(gateway.batches).down, 2 * MB);
  });

  it('counts uploads too', async () => {
    gateway = await startGateway();
    const body = Buffer.alloc(MB / 2, 1);
    const reply = await viaProxy(gateway, `http://site.test:${origin.port}/upload`, credential(), {
      method: 'POST',
      body,
    });
    expect(reply.body.toString()).toBe(String(MB / 2));
    await gateway.flushUsage();
    near(totals(gateway.batches).up, MB / 2);
  });

  it('reports per device, with the account and the UTC day', async () => {
    gateway = await startGateway();
    await viaProxy(
      gateway,
      `http://site.test:${origin.port}/bytes/1000`,
      credential({ deviceId: 'd-a', accountId: 'acc' }),
    );
    await viaProxy(
      gateway,
      `http://site.test:${origin.port}/bytes/1000`,
      credential({ deviceId: 'd-b', accountId: 'acc' }),
    );
    await gateway.flushUsage();
    const entries = gateway.batches.flatMap((batch) => batch.entries);
    expect(
      entries
        .map(({ deviceId, accountId, day }) => ({ deviceId, accountId, day }))
        .sort((a, b) => a.deviceId.localeCompare(b.deviceId)),
    ).toEqual([
      { deviceId: 'd-a', accountId: 'acc', day: new Date().toISOString().slice(0, 10) },
      { deviceId: 'd-b', accountId: 'acc', day: new Date().toISOString().slice(0, 10) },
    ]);
    expect(gateway.batches[0]?.gatewayId).toBe('gw-test');
  });

  it('sends batches on its own schedule', async () => {
    gateway = await startGateway({ reportIntervalMs: 50 });
    await viaProxy(gateway, `http://site.test:${origin.port}/bytes/5000`, credential());
    await expect.poll(() => totals(gateway?.batches ?? []).down, { timeout: 5000 }).toBeGreaterThan(5000);
  });

  it('keeps and resends an unacknowledged batch unchanged until the service accepts it', async () => {
    const attempts: GatewayUsageBatch[] = [];
    const acknowledged: GatewayUsageBatch[] = [];
    gateway = await startGateway({
      reportIntervalMs: 30,
      retryBaseMs: 20,
      retryMaxMs: 80,
      reportUsage: async (batch) => {
        attempts.push(structuredClone(batch));
        if (attempts.length === 1) throw new Error('connection refused');
        if (attempts.length <= 3) return err(appError('usage-report-refused', 'errorUsageReport', ['503']));
        acknowledged.push(structuredClone(batch));
        return ok(undefined);
      },
    });
    await viaProxy(gateway, `http://site.test:${origin.port}/bytes/${MB}`, credential());
    await expect.poll(() => acknowledged.length, { timeout: 5000 }).toBeGreaterThan(0);
    // The first three attempts were the same batch; nothing was dropped or counted twice.
    expect(new Set(attempts.slice(0, 4).map((batch) => batch.batchId)).size).toBe(1);
    await viaProxy(gateway, `http://site.test:${origin.port}/bytes/${MB}`, credential());
    await expect.poll(() => totals(acknowledged).down, { timeout: 5000 }).toBeGreaterThan(2 * MB);
    near(totals(acknowledged).down, 2 * MB);
  });

  it('does not meter refused requests', async () => {
    gateway = await startGateway();
    await viaProxy(gateway, `http://site.test:${origin.port}/bytes/${MB}`, undefined);
    await gateway.flushUsage();
    expect(gateway.batches).toEqual([]);
  });
});
