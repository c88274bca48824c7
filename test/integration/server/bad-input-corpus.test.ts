// Bad input over every route the service registers: each JSON field of a valid request replaced, one at a
// time, by values a database or a parser may choke on (NUL, unpaired surrogates, numbers past a column's
// range, wrong types, deep nesting, huge strings), plus broken bodies, media types, path parameters and
// queries. Each request is authenticated as its route needs, so validation (not the guard) answers. No
// answer may be a 5xx, and the service must still answer afterwards.
import fc from 'fast-check';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as api from '../../../src/api';
import { falsePositiveRequest } from '../../../src/api/threats';
import {
  Client,
  GATEWAY_SECRET,
  registeredDevice,
  signedInUser,
  startServer,
  type TestServer,
} from './helpers';

type Auth = 'none' | 'session' | 'device' | 'gateway';
interface RouteCase {
  auth: Auth;
  /** A valid body (its fields are the ones replaced); checked against `schema` first. */
  body?: unknown;
  schema?: z.ZodType;
  /** A valid query string (without `?`), for routes that read one. */
  query?: string;
}

const TOKEN = 'A'.repeat(43);
const UUID = '00000000-0000-4000-8000-000000000000';
const DAY = '2026-01-15';

/** What each API route reads; every registered route under /api and /dev must be listed here. */
const cases = (device: { id: string; email: string }): Record<string, RouteCase> => ({
  'POST /api/v1/accounts': {
    auth: 'none',
    schema: api.signUpRequest,
    body: { email: 'corpus-new@example.com', password: 'Vr7kq9Lmz2Xw' },
  },
  'POST /api/v1/accounts/verify-email': {
    auth: 'none',
    schema: api.verifyEmailRequest,
    body: { token: TOKEN },
  },
  'POST /api/v1/accounts/resend-verification': {
    auth: 'none',
    schema: api.resendVerificationRequest,
    body: { email: device.email },
  },
  'POST /api/v1/sessions': {
    auth: 'none',
    schema: api.signInRequest,
    body: { email: 'nobody@example.com', password: 'Wrong-pass-1', rememberMe: false },
  },
  'POST /api/v1/sessions/two-factor': {
    auth: 'none',
    schema: api.signInTwoFactorRequest,
    body: { pendingToken: TOKEN, code: '123456' },
  },
  'GET /api/v1/account': { auth: 'session' },
  'POST /api/v1/password-resets': {
    auth: 'none',
    schema: api.passwordResetRequest,
    body: { email: device.email },
  },
  'POST /api/v1/password-resets/confirm': {
    auth: 'none',
    schema: api.passwordResetConfirm,
    body: { token: TOKEN, password: 'N3w-Str0ng-Passphrase' },
  },
  'GET /api/v1/sessions': { auth: 'session' },
  'DELETE /api/v1/sessions/current': { auth: 'session' },
  'DELETE /api/v1/sessions/:id': { auth: 'session' },
  'POST /api/v1/account/password': {
    auth: 'session',
    schema: api.changePasswordRequest,
    body: { currentPassword: 'Not-the-password-1', newPassword: 'N3w-Str0ng-Passphrase' },
  },
  'POST /api/v1/account/two-factor/setup': { auth: 'session' },
  'POST /api/v1/account/two-factor/confirm': {
    auth: 'session',
    schema: api.twoFactorConfirmRequest,
    body: { code: '123456' },
  },
  'POST /api/v1/account/two-factor/disable': {
    auth: 'session',
    schema: api.twoFactorDisableRequest,
    body: { password: 'Not-the-password-1', code: '123456' },
  },
  'GET /api/v1/subscription': { auth: 'session' },
  'POST /api/v1/subscription/activate': {
    auth: 'session',
    schema: api.activateRequest,
    body: { code: 'ABCD-EFGH-2345' },
  },
  'POST /api/v1/devices': {
    auth: 'none',
    schema: api.registerDeviceRequest,
    body: { name: 'Corpus browser', platform: 'chrome' },
  },
  'POST /api/v1/devices/token': {
    auth: 'none',
    schema: api.refreshDeviceTokenRequest,
    body: { refreshToken: TOKEN },
  },
  'GET /api/v1/devices/me': { auth: 'device' },
  'POST /api/v1/devices/me/link': {
    auth: 'device',
    schema: api.linkWithPasswordRequest,
    body: { email: device.email, password: 'Not-the-password-1' },
  },
  'POST /api/v1/devices/me/link-code': {
    auth: 'device',
    schema: api.linkWithCodeRequest,
    body: { code: TOKEN },
  },
  'DELETE /api/v1/devices/me/link': { auth: 'device' },
  'POST /api/v1/devices/me/activate': {
    auth: 'device',
    schema: api.activateRequest,
    body: { code: 'ABCD-EFGH-2345' },
  },
  'POST /api/v1/link-codes': { auth: 'session' },
  'GET /api/v1/account/devices': { auth: 'session' },
  'DELETE /api/v1/account/devices/:id': { auth: 'session' },
  'PATCH /api/v1/account/devices/:id': {
    auth: 'session',
    schema: api.renameDeviceRequest,
    body: { name: 'Corpus laptop' },
  },
  'GET /api/v1/account/overview': { auth: 'session' },
  'POST /api/v1/devices/me/report': {
    auth: 'device',
    schema: api.deviceReportRequest,
    body: {
      state: {
        extensionVersion: '1.2.3',
        vpn: { state: 'on', region: 'eu', exitAddress: '203.0.113.9', proxyControlledByOther: false },
        killSwitch: false,
        protection: { enabled: true, databaseVersion: 7, databaseUpdatedAt: '2026-01-15T10:00:00.000Z' },
        detections: [
          {
            url: 'http://bad.example/x',
            threat: 'malware',
            list: 'urlhaus',
            at: 1_760_000_000_000,
            kind: 'page',
          },
        ],
      },
      results: [{ id: UUID, outcome: 'done', message: 'ok' }],
    },
  },
  'GET /api/v1/account/devices/:id': { auth: 'session' },
  'POST /api/v1/account/devices/:id/commands': {
    auth: 'session',
    schema: api.sendCommandRequest,
    body: { command: { type: 'setRegion', region: 'eu' } },
  },
  'POST /api/v1/account/devices/:id/detections/resolve': {
    auth: 'session',
    schema: api.resolveDetectionsRequest,
    body: { keys: ['some-key'] },
  },
  'GET /api/v1/account/traffic': { auth: 'session' },
  'GET /api/v1/gateways': { auth: 'none' },
  'GET /api/v1/plans': { auth: 'none' },
  'POST /api/v1/vpn/credentials': { auth: 'device' },
  'GET /api/v1/devices/me/usage': { auth: 'device' },
  [`POST ${api.routes.gatewayUsage.path}`]: {
    auth: 'gateway',
    schema: api.gatewayUsageBatchRequest,
    body: {
      batchId: 'batch-corpus',
      gatewayId: 'gw-1',
      entries: [{ deviceId: device.id, accountId: null, day: DAY, uploadBytes: 10, downloadBytes: 20 }],
    },
  },
  'GET /api/v1/threats/latest': { auth: 'none' },
  'GET /api/v1/threats/snapshot': { auth: 'none' },
  'GET /api/v1/threats/delta': { auth: 'none', query: 'since=1' },
  [`POST ${api.routes.reportFalsePositive.path}`]: {
    auth: 'none',
    schema: falsePositiveRequest,
    body: { url: 'https://fine.example/', listVersion: 1, comment: 'not malware' },
  },
  'GET /dev/outbox': { auth: 'none', query: 'limit=5' },
});

// --- The corpus ---------------------------------------------------------------------------------------------

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

// Strings of any UTF-16 code units, NUL and lone surrogates included, always the same for a run.
const randomStrings = fc.sample(
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 }),
  { numRuns: 6, seed: 15 },
);

/** Values that replace one field of a valid body. */
const FIELD_VALUES: unknown[] = [
  '\u0000',
  'abc\u0000def',
  '\uD800',
  'a\uDC00b',
  'x\uDBFF',
  '',
  ' ',
  'x'.repeat(5_000),
  '\u{1F600}',
  '\u202Eevil',
  "' OR 1=1 --",
  '%00',
  '../../etc/passwd',
  ...randomStrings,
  2 ** 31,
  2 ** 31 - 1,
  -1,
  -(2 ** 31) - 1,
  2 ** 53,
  2 ** 63,
  Number.MAX_SAFE_INTEGER,
  1e308,
  0.5,
  null,
  true,
  [],
  {},
  { __proto__x: 1 },
  '123',
  nested(500),
];

/** Whole bodies and media types, sent to every route. */
const RAW_BODIES: { body: string | Blob; type?: string }[] = [
  { body: '', type: 'application/json' },
  { body: 'null', type: 'application/json' },
  { body: '[]', type: 'application/json' },
  { body: '"text"', type: 'application/json' },
  { body: '1e999', type: 'application/json' },
  { body: '{"a":', type: 'application/json' },
  { body: '\uFEFF{}', type: 'application/json' },
  { body: '{"a":"\\u0000"}', type: 'application/json' },
  { body: '{"a":"\\ud800"}', type: 'application/json' },
  { body: '['.repeat(100_000) + ']'.repeat(100_000), type: 'application/json' },
  { body: '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000), type: 'application/json' },
  {
    body: new Blob([new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])]),
    type: 'application/json',
  },
  { body: '{}', type: 'application/json; charset=utf-16' },
  { body: 'email=a%40b.c', type: 'application/x-www-form-urlencoded' },
  { body: 'hello', type: 'text/plain' },
  { body: '--x\r\n\r\nhi\r\n--x--', type: 'multipart/form-data; boundary=x' },
  { body: '{}', type: 'application/xml' },
  { body: '{}' },
];

const PATH_VALUES = [
  '%00',
  '%ED%A0%80',
  '%F0%9F%98%80',
  '..%2F..%2Fetc',
  'x'.repeat(3_000),
  '-1',
  '2147483648',
  `${UUID}%00`,
  '%',
  UUID,
];

const QUERY_VALUES = [
  '%00',
  '%ED%A0%80',
  '2147483648',
  '99999999999999999999',
  '-1',
  '1e3',
  '',
  'x'.repeat(3_000),
];

// --- Walking a body -----------------------------------------------------------------------------------------

type Path = (string | number)[];
/** Every field and element of `value`, the root excluded. */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((key) => {
    const child = (value as Record<string | number, unknown>)[key];
    return [[...prefix, key], ...paths(child, [...prefix, key])];
  });
}

function replaced(value: unknown, path: Path, by: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1) as string | number] = by;
  return copy;
}

// --- Running it ---------------------------------------------------------------------------------------------

let server: TestServer;
let session: Client;
let deviceAuth: Record<string, string>;
let device: { id: string; email: string };

let portalDir: string;
const previousPortalDir = process.env.RAMPART_PORTAL_DIR;

beforeAll(async () => {
  // A stand-in portal build, so the portal's pages and assets answer as in production (not "not built").
  portalDir = await mkdtemp(join(tmpdir(), 'rampart-corpus-portal-'));
  await mkdir(join(portalDir, 'assets'));
  await writeFile(join(portalDir, 'index.html'), '<!doctype html><title>My Rampart</title>');
  await writeFile(join(portalDir, 'assets', 'app.js'), 'void 0;');
  process.env.RAMPART_PORTAL_DIR = portalDir;
  server = await startServer();
  const user = await signedInUser(server);
  session = user.client;
  const registered = await registeredDevice(server);
  deviceAuth = registered.auth;
  // Linked to the signed-in account, so the portal's device routes reach the database with a real id.
  const linked = await registered.client.post(
    '/api/v1/devices/me/link',
    { email: user.email, password: user.password },
    registered.auth,
  );
  if (linked.status !== 200) throw new Error(`link failed: ${JSON.stringify(linked.body)}`);
  device = { id: registered.deviceId, email: user.email };
}, 60_000);
afterAll(async () => {
  await server.close();
  if (previousPortalDir === undefined) delete process.env.RAMPART_PORTAL_DIR;
  else process.env.RAMPART_PORTAL_DIR = previousPortalDir;
  await rm(portalDir, { recursive: true, force: true });
}, 30_000);

interface Probe {
  method: string;
  url: string;
  auth: Auth;
  body?: string | Blob;
  type?: string;
  headers?: Record<string, string>;
}

function headersFor(auth: Auth, type: string | undefined): Record<string, string> {
  const headers: Record<string, string> = type === undefined ? {} : { 'content-type': type };
  if (auth === 'session') {
    headers.cookie = [...session.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (session.csrf !== undefined) headers['x-rampart-csrf'] = session.csrf;
  }
  if (auth === 'device') Object.assign(headers, deviceAuth);
  if (auth === 'gateway') headers[api.GATEWAY_SECRET_HEADER] = GATEWAY_SECRET;
  return headers;
}

async function send(probe: Probe): Promise<number> {
  const response = await fetch(`${server.url}${probe.url}`, {
    method: probe.method,
    headers: { ...headersFor(probe.auth, probe.type), ...probe.headers },
    ...(probe.body === undefined ? {} : { body: probe.body }),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Runs probes a few at a time; returns every 5xx with what caused it. */
async function runAll(probes: Probe[], parallel = 6): Promise<{ probe: Probe; status: number }[]> {
  const failures: { probe: Probe; status: number }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < probes.length) {
      const probe = probes[next++]!;
      const status = await send(probe);
      if (status >= 500) failures.push({ probe, status });
      console.log(`status ${status} ${probe.method} ${probe.url.split('?')[0]}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return failures;
}

const describeProbe = ({ probe, status }: { probe: Probe; status: number }) =>
  `${status} ${probe.method} ${probe.url.slice(0, 120)} ${String(probe.body ?? '').slice(0, 160)}`;

describe('bad-input corpus over every route', () => {
  it('answers no request with a 5xx, and keeps answering', async () => {
    const table = cases(device);
    const routes = server.app.routes.filter(
      (r) => r.method !== 'HEAD' && (r.url.startsWith('/api/') || r.url.startsWith('/dev/')),
    );
    // A new route without an entry here is a route the corpus would silently skip.
    expect(routes.map((r) => `${r.method} ${r.url}`).sort()).toEqual(Object.keys(table).sort());
    const portalRoutes = server.app.routes.filter((r) => !routes.includes(r));
    expect(portalRoutes.length).toBeGreaterThan(10);

    const probes: Probe[] = [];
    const withId = (url: string, id: string) => url.replace(':id', id).replace('*', id);
    for (const route of routes) {
      const entry = table[`${route.method} ${route.url}`]!;
      const realId = route.url.startsWith('/api/v1/sessions/') ? UUID : device.id;
      const url = withId(route.url, realId) + (entry.query === undefined ? '' : `?${entry.query}`);
      const base = { method: route.method, auth: entry.auth };
      if (entry.body !== undefined) {
        // The seed itself is valid, so each replaced field is the only thing wrong with a request.
        expect(entry.schema?.safeParse(entry.body).success, `${route.url} seed`).toBe(true);
        const json = (body: unknown) => ({
          ...base,
          url,
          body: JSON.stringify(body),
          type: 'application/json',
        });
        for (const path of paths(entry.body))
          for (const value of FIELD_VALUES) probes.push(json(replaced(entry.body, path, value)));
        probes.push(json({ ...(entry.body as object), extra: '\u0000' }));
      }
      if (route.method !== 'GET') for (const raw of RAW_BODIES) probes.push({ ...base, url, ...raw });
      if (route.url.includes(':id'))
        for (const value of PATH_VALUES) probes.push({ ...base, url: withId(route.url, value) });
      const queryName = entry.query?.split('=')[0] ?? 'q';
      const bare = withId(route.url, realId);
      for (const value of QUERY_VALUES) probes.push({ ...base, url: `${bare}?${queryName}=${value}` });
      probes.push({ ...base, url: `${bare}?${queryName}=1&${queryName}=%00&__proto__[a]=1` });
    }
    for (const route of portalRoutes.filter((r) => r.method === 'GET'))
      for (const value of [...PATH_VALUES, ...QUERY_VALUES])
        probes.push({ method: 'GET', auth: 'none', url: `${withId(route.url, value)}?token=${value}` });
    // Authentication itself, with malformed credentials.
    for (const value of ['\u00ff\u00fe', 'x'.repeat(8_000), '%00', TOKEN + '\u00e9', '']) {
      probes.push({
        method: 'GET',
        auth: 'none',
        url: '/api/v1/devices/me',
        headers: { authorization: `Bearer ${value}` },
      });
      probes.push({
        method: 'GET',
        auth: 'none',
        url: '/api/v1/account',
        headers: { cookie: `rampart_session=${value}` },
      });
    }
    // Deletes (unlinking the device, signing out) last, one at a time, so the rest ran authenticated.
    const deletes = probes.filter((p) => p.method === 'DELETE');
    const others = probes.filter((p) => p.method !== 'DELETE');
    deletes.sort((a, b) => Number(a.url.endsWith('/current')) - Number(b.url.endsWith('/current')));

    const before = Date.now();
    const failures = await runAll(others);
    const after = await runAll(deletes, 1);
    console.info(
      `bad-input corpus: ${probes.length} requests over ${routes.length} API and ` +
        `${portalRoutes.length} other routes (portal, HEAD) in ${Date.now() - before} ms; 5xx: ${failures.length + after.length}`,
    );
    const all = [...failures, ...after];
    if (all.length > 0) console.error(all.map(describeProbe).join('\n'));
    expect(all.map(describeProbe)).toEqual([]);
    expect((await new Client(server.url).get('/api/v1/gateways')).status).toBe(200);
    expect((await new Client(server.url).get('/api/v1/threats/latest')).status).toBe(200);
  }, 120_000);

  it('counts usage batches whose byte sums would overflow: clamped per device and day, never a 5xx', async () => {
    const gateway = { [api.GATEWAY_SECRET_HEADER]: GATEWAY_SECRET };
    const client = new Client(server.url);
    const entry = {
      deviceId: device.id,
      accountId: null,
      day: DAY,
      uploadBytes: 2 ** 50,
      downloadBytes: 2 ** 50,
    };
    // 250 entries of 2^51 bytes each: 2^58.9 per batch; a few batches pass bigint's 2^63 on one row.
    for (let i = 0; i < 20; i++) {
      const batch = { batchId: `overflow-${i}`, gatewayId: 'gw-1', entries: Array(250).fill(entry) };
      const reply = await client.post(api.routes.gatewayUsage.path, batch, gateway);
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      expect(reply.body).toMatchObject({ accepted: 1, duplicate: false });
    }
    const again = await client.post(
      api.routes.gatewayUsage.path,
      { batchId: 'overflow-0', gatewayId: 'gw-1', entries: [entry] },
      gateway,
    );
    expect(again.body).toMatchObject({ duplicate: true });
    // One entry out of range is dropped; the rest of its batch is counted.
    const mixed = await client.post(
      api.routes.gatewayUsage.path,
      {
        batchId: 'mixed',
        gatewayId: 'gw-1',
        entries: [
          { ...entry, uploadBytes: 2 ** 60 },
          { ...entry, day: '2026-01-16', uploadBytes: 5 },
          '\u0000',
        ],
      },
      gateway,
    );
    expect(mixed.status).toBe(200);
    expect(mixed.body).toMatchObject({ accepted: 1, duplicate: false });
    const { rows } = await server.db.query<{ day: string; bytes: number }>(
      'SELECT day::text AS day, bytes FROM usage_daily WHERE device_id = $1 ORDER BY day',
      [device.id],
    );
    expect(rows.find((r) => r.day === DAY)?.bytes).toBe(Number.MAX_SAFE_INTEGER);
    expect(rows.find((r) => r.day === '2026-01-16')?.bytes).toBe(5 + 2 ** 50);
  });
});
