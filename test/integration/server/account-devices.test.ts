// The portal's view of an account's devices: renaming one (PATCH), the state each reports in the device list,
// and the Overview's summary (plan and days left, devices, this month's traffic).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBody } from '../../../src/api/errors';
import {
  deviceDetailResponse,
  deviceReportResponse,
  trafficReportResponse,
  type DeviceState,
} from '../../../src/api/management';
import { accountDevicesResponse, renameDeviceResponse } from '../../../src/api/devices';
import { overviewResponse } from '../../../src/api/overview';
import { GATEWAY_SECRET_HEADER } from '../../../src/api/proxyCredential';
import { fillPath } from '../../../src/api/route';
import { routes } from '../../../src/api/routes';
import {
  Client,
  GATEWAY_SECRET,
  linkedDevice,
  registeredDevice,
  reportedState,
  signedInUser,
  startServer,
  type TestServer,
} from './helpers';

const DAY = 86_400_000;
// A fixed moment, so "this month" and "days left" do not depend on the day the test runs.
const NOW = Date.parse('2026-03-15T12:00:00Z');

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  server.clock.advance(NOW - server.clock.now().getTime());
}, 60_000);
afterAll(() => server.close(), 30_000);

const devicePath = (id: string) => fillPath(routes.renameDevice.path, { id });
const rename = (client: Client, id: string, body: unknown) => client.request('PATCH', devicePath(id), body);

const state = (patch: Partial<DeviceState> = {}) => reportedState(server, patch);

/** A device registered by the extension as "Test browser" and linked with the account's password. */
async function linkedDeviceOf(user: { email: string; password: string }) {
  const device = await linkedDevice(server, user);
  return {
    ...device,
    async report(reported: DeviceState) {
      const reply = await device.client.post(
        routes.deviceReport.path,
        { state: reported, results: [] },
        device.auth,
      );
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      deviceReportResponse.parse(reply.body);
    },
  };
}

const listed = async (client: Client) => {
  const reply = await client.get(routes.accountDevices.path);
  expect(reply.status).toBe(200);
  return accountDevicesResponse.parse(reply.body).devices;
};

const overviewOf = async (client: Client) => {
  const reply = await client.get(routes.overview.path);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return overviewResponse.parse(reply.body);
};

describe('renaming a device', () => {
  it('stores the trimmed name and shows it in the list, the device page and the traffic report', async () => {
    const user = await signedInUser(server);
    const device = await linkedDeviceOf(user);
    expect((await listed(user.client))[0]?.name).toBe('Test browser');

    const reply = await rename(user.client, device.deviceId, { name: '  Kitchen laptop  ' });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(renameDeviceResponse.parse(reply.body).device).toMatchObject({
      id: device.deviceId,
      name: 'Kitchen laptop',
      platform: 'chrome',
    });

    expect((await listed(user.client)).map((d) => d.name)).toEqual(['Kitchen laptop']);
    const detail = await user.client.get(fillPath(routes.deviceDetail.path, { id: device.deviceId }));
    expect(deviceDetailResponse.parse(detail.body).device.name).toBe('Kitchen laptop');
    const traffic = await user.client.get(routes.traffic.path);
    expect(trafficReportResponse.parse(traffic.body).devices.map((d) => d.name)).toEqual(['Kitchen laptop']);
    expect((await overviewOf(user.client)).devices.map((d) => d.name)).toEqual(['Kitchen laptop']);
  });

  it('keeps the name through everything the extension does: reports, heartbeats, token refreshes', async () => {
    const user = await signedInUser(server);
    const device = await linkedDeviceOf(user);
    expect((await rename(user.client, device.deviceId, { name: 'Mine' })).status).toBe(200);

    await device.report(state());
    expect((await device.client.get(routes.deviceStatus.path, device.auth)).status).toBe(200);
    const refreshed = await device.client.post(routes.refreshDeviceToken.path, {
      refreshToken: device.refreshToken,
    });
    expect(refreshed.status).toBe(200);
    // The extension only names itself when it registers: the row keeps what it said, the account's name wins.
    const { rows } = await server.db.query<{ name: string; custom_name: string }>(
      'SELECT name, custom_name FROM devices WHERE id = $1',
      [device.deviceId],
    );
    expect(rows[0]).toEqual({ name: 'Test browser', custom_name: 'Mine' });
    expect((await listed(user.client)).map((d) => d.name)).toEqual(['Mine']);
  });

  it('forgets the account’s name when the device leaves the account', async () => {
    const user = await signedInUser(server);
    const device = await linkedDeviceOf(user);
    await rename(user.client, device.deviceId, { name: 'Old owner’s name' });
    expect(
      (await user.client.delete(fillPath(routes.disconnectDevice.path, { id: device.deviceId }))).status,
    ).toBe(204);
    const next = await signedInUser(server);
    await device.client.post(
      routes.linkWithPassword.path,
      { email: next.email, password: next.password },
      device.auth,
    );
    expect((await listed(next.client)).map((d) => d.name)).toEqual(['Test browser']);
  });

  it.each([
    ['empty', '', 'name: must not be empty'],
    ['only spaces', '    ', 'name: must not be empty'],
    ['65 characters', 'x'.repeat(65), 'name: must be at most 64 characters'],
    ['a line break', 'two\nlines', 'name: must be one line of text'],
    ['not a string', 42, 'name: Invalid input: expected string, received number'],
  ])('refuses a name that is %s, saying why', async (_label, name, message) => {
    const user = await signedInUser(server);
    const device = await linkedDeviceOf(user);
    const reply = await rename(user.client, device.deviceId, { name });
    expect(reply.status).toBe(400);
    const error = apiErrorBody.parse(reply.body).error;
    expect(error.code).toBe('invalidRequest');
    expect(error.message).toBe(message);
    expect(error.details?.issues).toEqual([expect.objectContaining({ path: 'name' })]);
    expect((await listed(user.client)).map((d) => d.name)).toEqual(['Test browser']);
  });

  it('takes exactly 64 characters', async () => {
    const user = await signedInUser(server);
    const device = await linkedDeviceOf(user);
    const reply = await rename(user.client, device.deviceId, { name: 'é'.repeat(64) });
    expect(reply.status).toBe(200);
    expect(reply.body.device.name).toBe('é'.repeat(64));
  });

  it('renames only the account’s own devices, and only with the CSRF header', async () => {
    const owner = await signedInUser(server);
    const device = await linkedDeviceOf(owner);
    const other = await signedInUser(server);
    const foreign = await rename(other.client, device.deviceId, { name: 'Taken' });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('notFound');

    const noCsrf = await owner.client.request(
      'PATCH',
      devicePath(device.deviceId),
      { name: 'Forged' },
      {
        'x-rampart-csrf': 'wrong',
      },
    );
    expect(noCsrf.status).toBe(403);
    const signedOut = await new Client(server.url).request('PATCH', devicePath(device.deviceId), {
      name: 'X',
    });
    expect(signedOut.status).toBe(401);
    expect((await listed(owner.client)).map((d) => d.name)).toEqual(['Test browser']);
  });
});

describe('the device list', () => {
  it('shows each device’s reported state: online, VPN, protection and open problems', async () => {
    const user = await signedInUser(server);
    const quiet = await linkedDeviceOf(user);
    const troubled = await linkedDeviceOf(user);
    await troubled.report(state({ protection: { ...state().protection, enabled: false } }));

    const byId = new Map((await listed(user.client)).map((d) => [d.id, d]));
    expect(byId.get(quiet.deviceId)?.status).toBeNull();
    expect(byId.get(troubled.deviceId)?.status).toEqual({
      online: true,
      reportedAt: expect.any(String),
      vpn: 'on',
      protectionEnabled: false,
      problems: 1,
    });

    // Three minutes without a report: offline, the last state still shown.
    server.clock.advance(3 * 60_000);
    try {
      const later = (await listed(user.client)).find((d) => d.id === troubled.deviceId);
      expect(later?.status).toMatchObject({ online: false, vpn: 'on', problems: 1 });
    } finally {
      server.clock.advance(-3 * 60_000);
    }
  });

  it('counts problems as the device page lists them, resolved detections left out', async () => {
    const user = await signedInUser(server);
    const device = await linkedDeviceOf(user);
    const at = server.clock.now().getTime() - 60_000;
    await device.report(
      state({
        detections: [
          { url: 'http://bad1.test/', threat: 'malware', list: 'urlhaus', at, kind: 'page' },
          { url: 'http://bad2.test/', threat: 'phishing', list: 'urlhaus', at: at + 1, kind: 'page' },
        ],
      }),
    );
    const detail = deviceDetailResponse.parse(
      (await user.client.get(fillPath(routes.deviceDetail.path, { id: device.deviceId }))).body,
    );
    expect((await listed(user.client))[0]?.status?.problems).toBe(detail.problems.length);
    expect(detail.problems).toHaveLength(2);

    const resolved = await user.client.post(
      fillPath(routes.resolveDetections.path, { id: device.deviceId }),
      { all: true },
    );
    expect(resolved.status).toBe(204);
    expect((await listed(user.client))[0]?.status?.problems).toBe(0);
  });
});

describe('the overview', () => {
  let batch = 0;
  const usage = (entries: { deviceId: string; day: string; bytes: number }[]) =>
    new Client(server.url).post(
      routes.gatewayUsage.path,
      {
        batchId: `overview-${process.pid}-${++batch}`,
        gatewayId: 'gw-test',
        entries: entries.map((e) => ({ ...e, accountId: null, uploadBytes: e.bytes, downloadBytes: 0 })),
      },
      { [GATEWAY_SECRET_HEADER]: GATEWAY_SECRET },
    );

  it('starts a new account with the free plan, no devices and no traffic', async () => {
    const user = await signedInUser(server);
    expect(await overviewOf(user.client)).toEqual({
      subscription: {
        tier: 'free',
        expiresAt: null,
        daysLeft: null,
        dailyLimitBytes: 300_000,
        deviceLimit: 2,
        devicesUsed: 0,
      },
      devices: [],
      trafficThisMonth: { from: '2026-03-01', through: '2026-03-15', bytes: 0 },
    });
  });

  it('counts this month’s traffic of the account’s devices, nothing from last month or other accounts', async () => {
    const user = await signedInUser(server);
    const first = await linkedDeviceOf(user);
    const second = await linkedDeviceOf(user);
    const stranger = await registeredDevice(server);
    const reply = await usage([
      { deviceId: first.deviceId, day: '2026-03-01', bytes: 1_000 },
      { deviceId: first.deviceId, day: '2026-03-15', bytes: 200 },
      { deviceId: second.deviceId, day: '2026-03-10', bytes: 30 },
      { deviceId: second.deviceId, day: '2026-02-28', bytes: 5_000_000 },
      { deviceId: stranger.deviceId, day: '2026-03-15', bytes: 7_000_000 },
    ]);
    expect(reply.status).toBe(200);
    const overview = await overviewOf(user.client);
    expect(overview.trafficThisMonth).toEqual({ from: '2026-03-01', through: '2026-03-15', bytes: 1_230 });
    expect(overview.devices.map((d) => d.id).sort()).toEqual([first.deviceId, second.deviceId].sort());
    expect(overview.subscription.devicesUsed).toBe(2);
  });

  it('says how many days a subscription has left, a started day counting as one', async () => {
    // Remembered: the clock moves by four weeks.
    const user = await signedInUser(server, undefined, undefined, true);
    const [code] = await server.app.context.subscriptions.createCodes(1, 30, 5);
    const activated = await user.client.post(routes.activateSubscription.path, { code });
    expect(activated.status, JSON.stringify(activated.body)).toBe(200);
    expect((await overviewOf(user.client)).subscription).toMatchObject({
      tier: 'unlimited',
      daysLeft: 30,
      dailyLimitBytes: null,
      deviceLimit: 5,
    });
    server.clock.advance(29 * DAY + 60_000);
    try {
      const overview = await overviewOf(user.client);
      expect(overview.subscription).toMatchObject({ tier: 'unlimited', daysLeft: 1 });
      expect(overview.trafficThisMonth.from).toBe('2026-04-01');
    } finally {
      server.clock.advance(-(29 * DAY + 60_000));
    }
  });

  it('needs a session', async () => {
    expect((await new Client(server.url).get(routes.overview.path)).status).toBe(401);
  });
});
