import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBody } from '../../../src/api/errors';
import {
  commandView,
  deviceDetailResponse,
  deviceReportResponse,
  trafficReportResponse,
  type DeviceState,
  type ReportedDetection,
} from '../../../src/api/management';
import { GATEWAY_SECRET_HEADER } from '../../../src/api/proxyCredential';
import { detectionKey } from '../../../src/management';
import {
  Client,
  GATEWAY_SECRET,
  linkedDevice,
  registeredDevice,
  reportedState,
  signedInUser,
  startServer,
  type Reply,
  type TestServer,
} from './helpers';
import { routes } from '../../../src/api/routes';

const DAY = 86_400_000;

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  await server.app.context.vpn.addGateway({ region: 'eu', city: 'Amsterdam', host: 'ams.test', port: 8443 });
  await server.app.context.vpn.addGateway({ region: 'eu', city: 'Paris', host: 'par.test', port: 8443 });
  await server.app.context.vpn.addGateway({ region: 'us', city: 'Boston', host: 'bos.test', port: 8443 });
}, 60_000);
afterAll(() => server.close(), 30_000);

/** Runs `work` with the clock moved by `ms`, and moves it back after. */
async function later<T>(ms: number, work: () => Promise<T>): Promise<T> {
  server.clock.advance(ms);
  try {
    return await work();
  } finally {
    server.clock.advance(-ms);
  }
}

// Not parsed: some tests send states the contract refuses.
/** A healthy extension, its kill switch on. */
const healthy = (patch: Partial<DeviceState> = {}) => reportedState(server, { killSwitch: true, ...patch });
const protectionOff = () => healthy({ protection: { ...healthy().protection, enabled: false } });

const detection = (i: number, at = server.clock.now().getTime() - 1000 * (200 - i)): ReportedDetection => ({
  url: `http://bad${i}.test/page`,
  threat: 'malware',
  list: 'urlhaus',
  at,
  kind: 'page',
});

/** A signed-in account (remembered: some tests move the clock by a week) with one linked device. */
async function accountWithDevice() {
  const user = await signedInUser(server, undefined, undefined, true);
  const device = await linkedDeviceOf(user);
  return { ...user, device };
}

async function linkedDeviceOf(user: { email: string; password: string }) {
  const device = await linkedDevice(server, user);
  let auth = device.auth;
  let refreshToken = device.refreshToken;
  return {
    ...device,
    /** Reports with the current access token; the answer's commands are checked against the contract. */
    async report(state: DeviceState, results: unknown[] = []) {
      const reply = await device.client.post(routes.deviceReport.path, { state, results }, auth);
      if (reply.status === 200) deviceReportResponse.parse(reply.body);
      return reply;
    },
    /** A fresh access token, as the extension gets after its 15-minute token expired. */
    async refresh() {
      const reply = await device.client.post('/api/v1/devices/token', { refreshToken });
      refreshToken = reply.body.refreshToken;
      auth = { authorization: `Bearer ${reply.body.accessToken}` };
    },
  };
}

const detail = async (client: Client, deviceId: string) => {
  const reply = await client.get(`/api/v1/account/devices/${deviceId}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return deviceDetailResponse.parse(reply.body);
};

const send = (client: Client, deviceId: string, command: unknown) =>
  client.post(`/api/v1/account/devices/${deviceId}/commands`, { command });

const resolve = (client: Client, deviceId: string, body: unknown) =>
  client.post(`/api/v1/account/devices/${deviceId}/detections/resolve`, body);

const expectClientError = (reply: Reply, status: number, code: string, message?: RegExp) => {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  const body = apiErrorBody.parse(reply.body);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
  if (message !== undefined) expect(body.error.message).toMatch(message);
};

describe('report, problems and commands', () => {
  it('a problem reported by the device is fixed from the portal and disappears', async () => {
    const { client, device } = await accountWithDevice();
    expect(await detail(client, device.deviceId)).toMatchObject({
      device: { id: device.deviceId, name: 'Test browser', platform: 'chrome' },
      status: null,
      problems: [],
      commands: [],
      regions: [],
    });

    const off = protectionOff();
    const first = await device.report(off);
    expect(first.body).toEqual({ commands: [] });
    const seen = await detail(client, device.deviceId);
    expect(seen.status).toMatchObject({ online: true, tier: 'free', state: off });
    expect(seen.problems).toEqual([{ kind: 'protectionOff', fix: { type: 'setProtection', enabled: true } }]);

    const fix = seen.problems[0]?.kind === 'protectionOff' ? seen.problems[0].fix : null;
    const queued = await send(client, device.deviceId, fix);
    expect(queued.status).toBe(201);
    const command = commandView.parse(queued.body);
    expect(command).toMatchObject({
      command: { type: 'setProtection', enabled: true },
      status: 'planned',
      deliveredAt: null,
      finishedAt: null,
      message: null,
    });
    expect(Date.parse(command.expiresAt) - Date.parse(command.createdAt)).toBe(7 * DAY);

    // Handed out on every report until its result arrives, so a lost answer loses nothing.
    const handedOut = await device.report(protectionOff());
    expect(handedOut.body.commands).toEqual([
      { id: command.id, command: { type: 'setProtection', enabled: true }, createdAt: command.createdAt },
    ]);
    const delivered = (await detail(client, device.deviceId)).commands[0];
    expect(delivered).toMatchObject({ id: command.id, status: 'delivered' });
    expect(delivered?.deliveredAt).not.toBeNull();
    expect((await device.report(protectionOff())).body.commands).toHaveLength(1);
    expect((await detail(client, device.deviceId)).commands[0]?.deliveredAt).toBe(delivered?.deliveredAt);

    const result = await device.report(protectionOff(), [
      { id: command.id, outcome: 'done', message: 'Web protection is on.' },
    ]);
    expect(result.body).toEqual({ commands: [] });
    const done = await detail(client, device.deviceId);
    expect(done.commands[0]).toMatchObject({
      id: command.id,
      status: 'done',
      message: 'Web protection is on.',
    });
    expect(done.commands[0]?.finishedAt).not.toBeNull();
    // The problem goes with the next report, which shows protection on.
    expect(done.problems).toHaveLength(1);
    await device.report(healthy());
    expect((await detail(client, device.deviceId)).problems).toEqual([]);
  });

  it('shows a command as planned while the device is offline, and expired after 7 days', async () => {
    const { client, device } = await accountWithDevice();
    await device.report(healthy());
    const reportedAt = (await detail(client, device.deviceId)).status?.reportedAt;

    await later(3 * 60_000, async () => {
      const offline = await detail(client, device.deviceId);
      expect(offline.status).toMatchObject({ online: false, reportedAt });
      const queued = commandView.parse((await send(client, device.deviceId, { type: 'checkTabs' })).body);
      expect(queued.status).toBe('planned');
      expect((await detail(client, device.deviceId)).commands.map((c) => c.status)).toEqual(['planned']);
    });

    await later(7 * DAY + 4 * 60_000, async () => {
      expect((await detail(client, device.deviceId)).commands.map((c) => c.status)).toEqual(['expired']);
      await device.refresh();
      expect((await device.report(healthy())).body).toEqual({ commands: [] });
      const back = await detail(client, device.deviceId);
      expect(back.status?.online).toBe(true);
      expect(back.commands.map((c) => c.status)).toEqual(['expired']);
      // Reporting counts as being seen.
      expect(Date.parse(back.device.lastSeenAt ?? '')).toBeGreaterThan(Date.now() + 7 * DAY);
    });
  });

  it('a delivered command without a result expires too; a late result still counts', async () => {
    const { client, device } = await accountWithDevice();
    const first = commandView.parse((await send(client, device.deviceId, { type: 'updateDatabases' })).body);
    const second = commandView.parse((await send(client, device.deviceId, { type: 'checkTabs' })).body);
    expect((await device.report(healthy())).body.commands.map((c: { id: string }) => c.id)).toEqual([
      first.id,
      second.id,
    ]);
    await later(7 * DAY + 1000, async () => {
      expect((await detail(client, device.deviceId)).commands.map((c) => c.status)).toEqual([
        'expired',
        'expired',
      ]);
      await device.refresh();
      const reply = await device.report(healthy(), [
        { id: first.id, outcome: 'failed', message: 'The update server did not answer.' },
      ]);
      expect(reply.body).toEqual({ commands: [] });
      expect((await detail(client, device.deviceId)).commands).toMatchObject([
        { id: second.id, status: 'expired' },
        { id: first.id, status: 'failed', message: 'The update server did not answer.' },
      ]);
    });
  });

  it('ignores results for other devices’ commands, unknown ids and finished commands', async () => {
    const user = await accountWithDevice();
    const other = await linkedDeviceOf(user);
    const command = commandView.parse(
      (await send(user.client, user.device.deviceId, { type: 'checkTabs' })).body,
    );
    expect((await other.report(healthy())).body).toEqual({ commands: [] });

    const foreign = await other.report(healthy(), [
      { id: command.id, outcome: 'failed', message: 'not mine' },
      { id: '00000000-0000-4000-8000-000000000000', outcome: 'done', message: 'unknown' },
    ]);
    expect(foreign.status).toBe(200);
    expect((await detail(user.client, user.device.deviceId)).commands[0]?.status).toBe('planned');

    await user.device.report(healthy(), [
      { id: command.id, outcome: 'done', message: 'Checked 4 tabs.' },
      { id: command.id, outcome: 'failed', message: 'duplicate' },
    ]);
    await user.device.report(healthy(), [{ id: command.id, outcome: 'failed', message: 'again' }]);
    expect((await detail(user.client, user.device.deviceId)).commands[0]).toMatchObject({
      status: 'done',
      message: 'Checked 4 tabs.',
    });
  });

  it('hands commands out oldest first and bounds the queue', async () => {
    const { client, device } = await accountWithDevice();
    const ids: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const reply = await send(client, device.deviceId, { type: 'setVpn', enabled: i % 2 === 0 });
      expect(reply.status).toBe(201);
      ids.push(reply.body.id);
    }
    expectClientError(
      await send(client, device.deviceId, { type: 'checkTabs' }),
      409,
      'commandQueueFull',
      /20 commands waiting/,
    );
    const handed = (await device.report(healthy())).body.commands as { id: string }[];
    expect(handed.map((c) => c.id)).toEqual(ids);
    expect((await detail(client, device.deviceId)).commands.map((c) => c.id)).toEqual([...ids].reverse());
    await device.report(
      healthy(),
      ids.slice(0, 5).map((id) => ({ id, outcome: 'done', message: '' })),
    );
    expect((await send(client, device.deviceId, { type: 'checkTabs' })).status).toBe(201);
  });

  it('stops handing out commands once the device is unlinked', async () => {
    const user = await accountWithDevice();
    const { client, device } = user;
    await device.report(protectionOff());
    const queued = commandView.parse((await send(client, device.deviceId, { type: 'checkTabs' })).body);
    expect((await client.delete(`/api/v1/account/devices/${device.deviceId}`)).status).toBe(204);
    expectClientError(await device.report(healthy()), 409, 'deviceNotLinked', /Link this device/);
    expectClientError(await client.get(`/api/v1/account/devices/${device.deviceId}`), 404, 'notFound');

    await device.client.post(
      '/api/v1/devices/me/link',
      { email: user.email, password: user.password },
      device.auth,
    );
    // Linked again: the old command stays expired and the old report is gone until the device reports.
    const relinked = await detail(client, device.deviceId);
    expect(relinked.status).toBeNull();
    expect(relinked.commands).toMatchObject([{ id: queued.id, status: 'expired' }]);
    expect((await device.report(healthy())).body).toEqual({ commands: [] });
  });
});

describe('bad input', () => {
  it('device reports: malformed, wrong types, oversize lists, no token, no account → 4xx', async () => {
    const { device } = await accountWithDevice();
    expectClientError(
      await device.client.post(routes.deviceReport.path, '{"state": {', device.auth),
      400,
      'malformedJson',
    );
    expectClientError(
      await device.report({ ...healthy(), killSwitch: 'yes' } as never),
      400,
      'invalidRequest',
      /killSwitch/,
    );
    expectClientError(
      await device.client.post(routes.deviceReport.path, { state: healthy() }, device.auth),
      400,
      'invalidRequest',
      /results: Required/,
    );
    const many = Array.from({ length: 101 }, (_, i) => detection(i));
    expectClientError(
      await device.report(healthy({ detections: many })),
      400,
      'invalidRequest',
      /state\.detections/,
    );
    expectClientError(
      await device.report(healthy(), [{ id: 'not-a-uuid', outcome: 'done', message: '' }]),
      400,
      'invalidRequest',
      /results\.0\.id/,
    );
    expectClientError(
      await device.report(healthy(), [
        { id: '00000000-0000-4000-8000-000000000000', outcome: 'maybe', message: '' },
      ]),
      400,
      'invalidRequest',
    );
    expectClientError(
      await device.client.post(
        routes.deviceReport.path,
        { state: healthy(), results: [], admin: true },
        device.auth,
      ),
      400,
      'invalidRequest',
      /admin/,
    );
    expectClientError(
      await device.client.post(routes.deviceReport.path, 'x'.repeat(600 * 1024), device.auth),
      413,
      'payloadTooLarge',
    );
    expectClientError(
      await new Client(server.url).post(routes.deviceReport.path, { state: healthy(), results: [] }),
      401,
      'unauthenticated',
    );
    const anonymous = await registeredDevice(server);
    expectClientError(
      await anonymous.client.post(
        routes.deviceReport.path,
        { state: healthy(), results: [] },
        anonymous.auth,
      ),
      409,
      'deviceNotLinked',
    );
  });

  it('a full report with long addresses fits', async () => {
    const { client, device } = await accountWithDevice();
    const long = Array.from({ length: 100 }, (_, i) => ({
      ...detection(i),
      url: `https://bad${i}.test/${'a'.repeat(2000)}`,
    }));
    expect((await device.report(healthy({ detections: long }))).status).toBe(200);
    expect((await detail(client, device.deviceId)).problems).toMatchObject([
      { kind: 'detectionGroup', count: 100 },
    ]);
  });

  it('portal calls: unknown commands, foreign devices, no session, no CSRF → 4xx', async () => {
    const { client, device } = await accountWithDevice();
    const stranger = await accountWithDevice();
    const id = device.deviceId;
    expectClientError(await send(client, id, { type: 'formatDisk' }), 400, 'invalidRequest', /command/);
    expectClientError(await send(client, id, { type: 'setVpn', enabled: 'yes' }), 400, 'invalidRequest');
    expectClientError(await send(client, id, { type: 'checkTabs', extra: 1 }), 400, 'invalidRequest');
    expectClientError(await client.post(`/api/v1/account/devices/${id}/commands`, {}), 400, 'invalidRequest');
    expectClientError(
      await client.post(`/api/v1/account/devices/${id}/commands`, '{"command":'),
      400,
      'malformedJson',
    );
    expectClientError(await resolve(client, id, { keys: [] }), 400, 'invalidRequest');
    expectClientError(await resolve(client, id, { all: false }), 400, 'invalidRequest');
    expectClientError(
      await resolve(client, id, { keys: Array.from({ length: 11 }, (_, i) => `k${i}`) }),
      400,
      'invalidRequest',
    );

    // Another account's device does not exist as far as this account can tell.
    const message = /No such device on this account/;
    expectClientError(await stranger.client.get(`/api/v1/account/devices/${id}`), 404, 'notFound', message);
    expectClientError(await send(stranger.client, id, { type: 'checkTabs' }), 404, 'notFound', message);
    expectClientError(await resolve(stranger.client, id, { all: true }), 404, 'notFound', message);
    expectClientError(
      await client.get('/api/v1/account/devices/00000000-0000-4000-8000-000000000000'),
      404,
      'notFound',
    );
    expectClientError(await client.get('/api/v1/account/devices/not-a-uuid'), 400, 'invalidRequest');

    const signedOut = new Client(server.url);
    expectClientError(await signedOut.get(`/api/v1/account/devices/${id}`), 401, 'unauthenticated');
    expectClientError(await send(signedOut, id, { type: 'checkTabs' }), 401, 'unauthenticated');
    expectClientError(await signedOut.get('/api/v1/account/traffic'), 401, 'unauthenticated');

    const noCsrf = { 'x-rampart-csrf': '' };
    expectClientError(
      await client.post(`/api/v1/account/devices/${id}/commands`, { command: { type: 'checkTabs' } }, noCsrf),
      403,
      'csrfFailed',
    );
    expectClientError(
      await client.post(`/api/v1/account/devices/${id}/detections/resolve`, { all: true }, noCsrf),
      403,
      'csrfFailed',
    );
    expectClientError(
      await client.post(
        `/api/v1/account/devices/${id}/commands`,
        { command: { type: 'checkTabs' } },
        { origin: 'https://evil.test' },
      ),
      403,
      'csrfFailed',
    );
    expect((await detail(client, id)).commands).toEqual([]);
  });
});

describe('regions', () => {
  it('setRegion needs a subscription and a region some gateway serves', async () => {
    const { client, device } = await accountWithDevice();
    await device.report(healthy());
    expectClientError(
      await send(client, device.deviceId, { type: 'setRegion', region: 'eu' }),
      403,
      'subscriptionRequired',
      /needs a subscription/,
    );
    expect((await detail(client, device.deviceId)).regions).toEqual([]);

    const [code] = await server.app.context.subscriptions.createCodes(1, 30, 5);
    expect((await client.post('/api/v1/subscription/activate', { code })).status).toBe(200);
    const unlimited = await detail(client, device.deviceId);
    expect(unlimited.regions).toEqual([
      { region: 'eu', cities: ['Amsterdam', 'Paris'] },
      { region: 'us', cities: ['Boston'] },
    ]);
    expect(unlimited.status?.tier).toBe('unlimited');

    expectClientError(
      await send(client, device.deviceId, { type: 'setRegion', region: 'mars' }),
      400,
      'invalidRequest',
      /No gateway serves the region "mars"/,
    );
    const moved = await send(client, device.deviceId, { type: 'setRegion', region: 'us' });
    expect(moved.status).toBe(201);
    expect(moved.body.command).toEqual({ type: 'setRegion', region: 'us' });
    expect((await send(client, device.deviceId, { type: 'setRegion', region: 'optimal' })).status).toBe(201);
    expect((await device.report(healthy())).body.commands).toHaveLength(2);
  });
});

describe('detections', () => {
  it('lists up to 10 one by one and resolves them by key', async () => {
    const { client, device } = await accountWithDevice();
    const detections = [detection(1), detection(2), detection(3)];
    await device.report(healthy({ detections }));
    const listed = (await detail(client, device.deviceId)).problems;
    expect(listed).toEqual(
      [...detections]
        .reverse()
        .map((d) => ({ kind: 'detection', detection: { ...d, key: detectionKey(d) } })),
    );

    expect((await resolve(client, device.deviceId, { keys: [detectionKey(detections[1]!)] })).status).toBe(
      204,
    );
    // Resolving twice, or a key no report holds, changes nothing.
    expect(
      (await resolve(client, device.deviceId, { keys: [detectionKey(detections[1]!), 'nope'] })).status,
    ).toBe(204);
    const left = (await detail(client, device.deviceId)).problems;
    expect(left.map((p) => (p.kind === 'detection' ? p.detection.url : p.kind))).toEqual([
      detections[2]!.url,
      detections[0]!.url,
    ]);
    // The resolution holds across later reports of the same detections.
    await device.report(healthy({ detections: [...detections, detection(4)] }));
    expect((await detail(client, device.deviceId)).problems).toHaveLength(3);
  });

  it('groups more than 10, which are resolved only all together', async () => {
    const { client, device } = await accountWithDevice();
    const detections = Array.from({ length: 12 }, (_, i) => detection(i));
    await device.report(healthy({ detections }));
    const grouped = (await detail(client, device.deviceId)).problems;
    expect(grouped).toEqual([{ kind: 'detectionGroup', count: 12, newestAt: detections[11]!.at }]);

    expectClientError(
      await resolve(client, device.deviceId, { keys: [detectionKey(detections[0]!)] }),
      409,
      'detectionsGrouped',
      /12 open detections.*all together/,
    );
    expect((await resolve(client, device.deviceId, { all: true })).status).toBe(204);
    expect((await detail(client, device.deviceId)).problems).toEqual([]);

    // A newer detection is open again, on its own.
    const fresh = detection(50, server.clock.now().getTime() + 1000);
    await device.report(healthy({ detections: [...detections, fresh] }));
    expect((await detail(client, device.deviceId)).problems).toEqual([
      { kind: 'detection', detection: { ...fresh, key: detectionKey(fresh) } },
    ]);
  });

  it('resolving before any report is a no-op', async () => {
    const { client, device } = await accountWithDevice();
    expect((await resolve(client, device.deviceId, { all: true })).status).toBe(204);
    expect((await resolve(client, device.deviceId, { keys: ['x'] })).status).toBe(204);
  });
});

describe('traffic report', () => {
  let batch = 0;
  const usage = (entries: { deviceId: string; day: string; bytes: number }[]) =>
    new Client(server.url).post(
      routes.gatewayUsage.path,
      {
        batchId: `management-${process.pid}-${++batch}`,
        gatewayId: 'gw-test',
        entries: entries.map((e) => ({
          deviceId: e.deviceId,
          accountId: null,
          day: e.day,
          uploadBytes: Math.floor(e.bytes / 3),
          downloadBytes: e.bytes - Math.floor(e.bytes / 3),
        })),
      },
      { [GATEWAY_SECRET_HEADER]: GATEWAY_SECRET },
    );

  it('shows bytes per device and UTC day for the last 30 days, zeros elsewhere, and totals', async () => {
    // Noon UTC, so that "today" cannot change while the test runs.
    const now = server.clock.now();
    const noon = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12) - now.getTime();
    await later(noon, async () => {
      const today = server.clock.now().toISOString().slice(0, 10);
      const dayAgo = (n: number) =>
        new Date(Date.parse(`${today}T00:00:00Z`) - n * DAY).toISOString().slice(0, 10);
      const user = await accountWithDevice();
      const quiet = await linkedDeviceOf(user);
      const stranger = await accountWithDevice();
      const reply = await usage([
        { deviceId: user.device.deviceId, day: today, bytes: 1_000 },
        { deviceId: user.device.deviceId, day: today, bytes: 234 },
        { deviceId: user.device.deviceId, day: dayAgo(3), bytes: 5_000 },
        { deviceId: user.device.deviceId, day: dayAgo(29), bytes: 7 },
        { deviceId: user.device.deviceId, day: dayAgo(30), bytes: 999_999 },
        { deviceId: stranger.device.deviceId, day: today, bytes: 42 },
      ]);
      expect(reply.status).toBe(200);

      const report = trafficReportResponse.parse((await user.client.get('/api/v1/account/traffic')).body);
      expect(report.days).toHaveLength(30);
      expect(report.days[0]).toBe(dayAgo(29));
      expect(report.days[29]).toBe(today);
      const expected = Array<number>(30).fill(0);
      expected[29] = 1_234;
      expected[26] = 5_000;
      expected[0] = 7;
      expect(report.devices).toEqual([
        {
          id: user.device.deviceId,
          name: 'Test browser',
          platform: 'chrome',
          bytes: expected,
          totalBytes: 6_241,
        },
        {
          id: quiet.deviceId,
          name: 'Test browser',
          platform: 'chrome',
          bytes: Array<number>(30).fill(0),
          totalBytes: 0,
        },
      ]);
      expect(report.totalBytes).toBe(6_241);

      const theirs = trafficReportResponse.parse((await stranger.client.get('/api/v1/account/traffic')).body);
      expect(theirs.devices.map((d) => d.totalBytes)).toEqual([42]);
      const empty = trafficReportResponse.parse(
        (await (await signedInUser(server)).client.get('/api/v1/account/traffic')).body,
      );
      expect(empty).toMatchObject({ devices: [], totalBytes: 0 });
      expect(empty.days).toEqual(report.days);
    });
  });
});
