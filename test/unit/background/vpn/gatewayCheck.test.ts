import { describe, expect, it } from 'vitest';
import { readGatewayCheck } from '../../../../background/vpn/gatewayCheck';

const checkBody = (limitReached: boolean) => ({
  exitAddress: '203.0.113.7',
  gateway: { id: 'gw-1', region: 'de', city: 'Frankfurt' },
  device: { deviceId: 'd-1', accountId: null, tier: 'anonymous' },
  usage: { usedBytes: 10, dailyLimitBytes: 200e6, limitReached, resetsAt: '2026-12-01T00:00:00.000Z' },
  credentialExpiresAt: 1_800_000_000_000,
});
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe("what the gateway's answer to a check means", () => {
  it.each([
    [
      'its check answer: connected, with the exit address',
      json(200, checkBody(false)),
      { ok: true, exitAddress: '203.0.113.7' },
    ],
    [
      'its check answer at the limit: limit, with the reset time',
      json(200, checkBody(true)),
      { ok: false, reason: 'limit', resetAt: Date.parse('2026-12-01T00:00:00.000Z') },
    ],
    [
      'a refusal for the daily limit, with the reset time',
      json(429, {}, { 'x-rampart-reason': 'daily-limit', 'x-rampart-reset': '2026-12-01T00:00:00Z' }),
      { ok: false, reason: 'limit', resetAt: Date.parse('2026-12-01T00:00:00Z') },
    ],
    [
      'a refusal for the daily limit without a readable reset time',
      json(429, {}, { 'x-rampart-reason': 'daily-limit', 'x-rampart-reset': 'soon' }),
      { ok: false, reason: 'limit' },
    ],
    [
      'a 407: credentials refused',
      json(407, {}, { 'x-rampart-reason': 'credential-expired' }),
      { ok: false, reason: 'refused' },
    ],
    [
      "a self-hosted proxy's error page: still up",
      new Response('<html>no such host</html>', { status: 502 }),
      { ok: true },
    ],
  ])('%s', async (_, response, expected) => {
    expect(await readGatewayCheck(response)).toEqual(expected);
  });
});
