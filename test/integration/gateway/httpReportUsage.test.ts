import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpReportUsage } from '../../../server/gateway';
import type { GatewayUsageBatch } from '../../../src/api/proxyCredential';

const batch: GatewayUsageBatch = {
  batchId: 'b-1',
  gatewayId: 'gw-test',
  entries: [{ deviceId: 'd-1', accountId: null, day: '2026-11-23', uploadBytes: 10, downloadBytes: 20 }],
};

interface Seen {
  url: string;
  secret: string | undefined;
  body: unknown;
}
let seen: Seen[] = [];
let status = 200;
let service: http.Server;
let accountUrl = '';
beforeAll(async () => {
  // A stand-in for the account service on loopback.
  service = http.createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      seen.push({
        url: request.url ?? '',
        secret: request.headers['x-rampart-gateway-secret'] as string | undefined,
        body: JSON.parse(text),
      });
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ accepted: 1, duplicate: false, overLimit: ['d-1'] }));
    });
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  accountUrl = `http://127.0.0.1:${(service.address() as AddressInfo).port}/`;
});
afterAll(() => {
  service.close();
});

describe('default usage reporter (HTTP to the account service)', () => {
  it('posts the batch with the gateway secret and returns the devices at their limit', async () => {
    seen = [];
    status = 200;
    const result = await httpReportUsage(accountUrl, 's3cret')(batch);
    expect(result).toEqual({ ok: true, value: { overLimitDeviceIds: ['d-1'] } });
    expect(seen).toEqual([{ url: '/api/v1/gateway/usage', secret: 's3cret', body: batch }]);
  });

  it('does not count a non-2xx answer as acknowledged', async () => {
    status = 503;
    const result = await httpReportUsage(accountUrl, 's3cret')(batch);
    expect(!result.ok && result.error.code).toBe('usage-report-refused');
  });

  it('marks a 4xx that a retry will not change as rejected, and 5xx, 408 and 429 as worth retrying', async () => {
    const codes: Record<number, string | false> = {};
    for (const answer of [400, 401, 403, 404, 413, 422, 408, 425, 429, 500, 502, 503]) {
      status = answer;
      const result = await httpReportUsage(accountUrl, 's3cret')(batch);
      codes[answer] = !result.ok && result.error.code;
    }
    expect(codes).toEqual({
      400: 'usage-report-rejected',
      401: 'usage-report-rejected',
      403: 'usage-report-rejected',
      404: 'usage-report-rejected',
      413: 'usage-report-rejected',
      422: 'usage-report-rejected',
      408: 'usage-report-refused',
      425: 'usage-report-refused',
      429: 'usage-report-refused',
      500: 'usage-report-refused',
      502: 'usage-report-refused',
      503: 'usage-report-refused',
    });
  });

  it('reports an unreachable service as an error, never a throw', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await httpReportUsage(`http://127.0.0.1:${port}`, 's3cret')(batch);
    expect(!result.ok && result.error.code).toBe('usage-report-unreachable');
  });
});
