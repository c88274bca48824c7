import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newProxyCredentialPayload, type GatewayUsageBatch } from '../../../src/api/proxyCredential';
import { ok } from '../../../src/result';
import { readUsableTls } from '../../../server/gateway/certificateReload';
import type { ToPrimary } from '../../../server/gateway/clusterMessages';
import { selfSignedTls } from '../../../server/gateway/tls';
import { UsageHub } from '../../../server/gateway/usageHub';
import { UsageReporter } from '../../../server/gateway/usageReporter';
import { WorkerUsageLink } from '../../../server/gateway/workerUsageLink';

const at = Date.UTC(2026, 10, 30, 12);
const day = '2026-11-30';
const payload = (deviceId: string, dailyLimitBytes: number | null, issuedAt = at) => ({
  ...newProxyCredentialPayload(
    { deviceId, accountId: null, tier: 'free', dailyLimitBytes, keyId: 'k' },
    issuedAt,
  ),
  usedBytesAtIssue: 0,
});

describe('a worker hands its usage to the primary', () => {
  it('sends counts summed per device and day, and each credential once unless a newer one comes', async () => {
    const sent: ToPrimary[] = [];
    const link = new WorkerUsageLink(async (message) => void sent.push(message), 1_000);
    expect(await link.flush()).toBe(true);
    expect(sent).toEqual([]);
    const first = payload('d-1', 1_000);
    link.credentialSeen(first);
    link.credentialSeen(first);
    link.charge({ deviceId: 'd-1', accountId: null, day }, 10, 20, at);
    link.charge({ deviceId: 'd-1', accountId: null, day }, 1, 2, at + 5);
    link.charge({ deviceId: 'd-2', accountId: 'a', day }, 3, 4, at);
    expect(await link.flush()).toBe(true);
    link.credentialSeen(first);
    const newer = payload('d-1', 1_000, at + 60_000);
    link.credentialSeen(newer);
    await link.close();
    expect(sent).toEqual([
      {
        type: 'rampart:usage',
        credentials: [first],
        charges: [
          { deviceId: 'd-1', accountId: null, day, uploadBytes: 11, downloadBytes: 22, at: at + 5 },
          { deviceId: 'd-2', accountId: 'a', day, uploadBytes: 3, downloadBytes: 4, at },
        ],
      },
      { type: 'rampart:usage', credentials: [newer], charges: [] },
    ]);
  });

  it('says so when the primary is gone', async () => {
    const link = new WorkerUsageLink(() => Promise.reject(new Error('channel closed')), 1_000);
    link.charge({ deviceId: 'd-1', accountId: null, day }, 1, 1, at);
    expect(await link.close()).toBe(false);
  });
});

describe('the primary sums the workers', () => {
  it('reports each device once and finds the limit reached by two workers together', async () => {
    const batches: GatewayUsageBatch[] = [];
    const reporter = new UsageReporter({
      gatewayId: 'gw',
      intervalMs: 60_000,
      retryBaseMs: 1_000,
      retryMaxMs: 1_000,
      onError: () => undefined,
      onAcknowledged: () => undefined,
      report: async (batch) => {
        batches.push(batch);
        return ok(undefined);
      },
    });
    const hub = new UsageHub(reporter, () => at);
    // Worker 1 and worker 2 each carried 600 of a 1,000-byte allowance.
    hub.received(
      [payload('d-1', 1_000)],
      [{ deviceId: 'd-1', accountId: null, day, uploadBytes: 100, downloadBytes: 500, at }],
    );
    expect(hub.exhausted()).toEqual([]);
    hub.received(
      [payload('d-1', 1_000)],
      [{ deviceId: 'd-1', accountId: null, day, uploadBytes: 100, downloadBytes: 500, at }],
    );
    hub.received(
      [payload('d-2', null)],
      [{ deviceId: 'd-2', accountId: null, day, uploadBytes: 1, downloadBytes: 1, at }],
    );
    expect(hub.exhausted()).toEqual(['device:d-1']);
    await reporter.flush();
    expect(batches).toHaveLength(1);
    expect(batches[0]?.entries).toEqual([
      { deviceId: 'd-1', accountId: null, day, uploadBytes: 200, downloadBytes: 1_000 },
      { deviceId: 'd-2', accountId: null, day, uploadBytes: 1, downloadBytes: 1 },
    ]);
    // The account service's verdict (traffic through other gateways) counts too.
    hub.received([payload('d-3', 10_000)], []);
    hub.overLimit(['d-3']);
    expect(hub.exhausted()).toEqual(['device:d-1', 'device:d-3']);
  });
});

describe('certificate files', () => {
  it('refuses a key that does not belong to the certificate, and takes a matching pair', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'rampart-tls-'));
    try {
      const [one, two] = [await selfSignedTls(), await selfSignedTls()];
      await writeFile(join(folder, 'key.pem'), two.key);
      await writeFile(join(folder, 'cert.pem'), one.cert);
      const mismatched = await readUsableTls(join(folder, 'key.pem'), join(folder, 'cert.pem'));
      expect(!mismatched.ok && mismatched.error.code).toBe('gateway-tls-unusable');
      await writeFile(join(folder, 'key.pem'), one.key);
      expect(await readUsableTls(join(folder, 'key.pem'), join(folder, 'cert.pem'))).toEqual({
        ok: true,
        value: one,
      });
      const missing = await readUsableTls(join(folder, 'nope.pem'), join(folder, 'cert.pem'));
      expect(!missing.ok && missing.error.code).toBe('gateway-tls-unreadable');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
