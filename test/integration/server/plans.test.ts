// What each plan gives (the service's own limits) and the operator's purchase link: set by PURCHASE_URL,
// absent when unset, and refused at start-up when it is not an http(s) address.
import { afterAll, describe, expect, it } from 'vitest';
import { plansResponse } from '../../../src/api/overview';
import { routes } from '../../../src/api/routes';
import { loadConfig } from '../../../server/config';
import { Client, startServer, type TestServer } from './helpers';

const started: TestServer[] = [];
afterAll(async () => {
  await Promise.all(started.map((server) => server.close()));
}, 30_000);

async function plansFrom(config: Parameters<typeof startServer>[0] = {}) {
  const server = await startServer(config);
  started.push(server);
  // Public: anyone may read the plans, before signing in.
  const reply = await new Client(server.url).get(routes.plans.path);
  expect(reply.status).toBe(200);
  return plansResponse.parse(reply.body);
}

describe('the plans', () => {
  it('give the service’s own limits and no purchase link when none is configured', async () => {
    expect(await plansFrom()).toEqual({
      anonymousDailyBytes: 200_000,
      freeDailyBytes: 300_000,
      freeDeviceLimit: 2,
      purchaseUrl: null,
    });
  });

  it('give the operator’s purchase link', async () => {
    const plans = await plansFrom({ config: { purchaseUrl: 'https://shop.example/rampart?plan=unlimited' } });
    expect(plans.purchaseUrl).toBe('https://shop.example/rampart?plan=unlimited');
  });
});

describe('PURCHASE_URL', () => {
  it('is read from the environment, and unset or blank means no link', () => {
    expect(loadConfig({ PURCHASE_URL: 'https://shop.example/buy' }).purchaseUrl).toBe(
      'https://shop.example/buy',
    );
    expect(loadConfig({}).purchaseUrl).toBeNull();
    expect(loadConfig({ PURCHASE_URL: '  ' }).purchaseUrl).toBeNull();
  });

  it.each(['javascript:alert(1)', 'shop.example/buy', 'ftp://shop.example/'])(
    'refuses %s at start-up, naming the variable',
    (value) => {
      expect(() => loadConfig({ PURCHASE_URL: value })).toThrow(/PURCHASE_URL must be an http\(s\) address/);
    },
  );
});
