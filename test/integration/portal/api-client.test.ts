// The portal's API client (portal/api.ts) against the real service: every answer it reads parses with its
// src/api contract, writes carry the CSRF token, and error answers become what the pages show.
import { readFileSync } from 'node:fs';
import { TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeviceCommand, type DeviceState } from '../../../src/api/management';
import { passwordRuleMessages } from '../../../src/api/password-rules';
import { GATEWAY_SECRET_HEADER } from '../../../src/api/proxyCredential';
import { api, ApiFailure, onSessionLost } from '../../../portal/api';
import { activate } from '../../../portal/i18n/active';
import { localeMessagesSchema } from '../../../src/i18n';
import {
  Client,
  GATEWAY_SECRET,
  newEmail,
  registeredDevice,
  reportedState,
  startServer,
  STRONG_PASSWORD,
  type TestServer,
} from '../server/helpers';
import { routes } from '../../../src/api/routes';

let server: TestServer;
const jar = new Map<string, string>();
const realFetch = globalThis.fetch;

// The page's fetch, outside a browser: same-origin paths resolve against the service, cookies are kept.
async function pageFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const url = typeof input === 'string' && input.startsWith('/') ? `${server.url}${input}` : input;
  const headers = new Headers(init.headers);
  if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
  const response = await realFetch(url, { ...init, headers });
  for (const line of response.headers.getSetCookie()) {
    const [name, value = ''] = (line.split(';')[0] ?? '').split('=');
    if (name === undefined) continue;
    if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
  return response;
}

beforeAll(async () => {
  server = await startServer();
  globalThis.fetch = pageFetch as typeof fetch;
}, 60_000);
afterAll(async () => {
  globalThis.fetch = realFetch;
  await server.close();
}, 30_000);

const failureOf = async (promise: Promise<unknown>): Promise<ApiFailure> => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ApiFailure)) throw new Error(`expected an ApiFailure, got ${String(error)}`);
  return error;
};

describe('the portal API client', () => {
  const email = newEmail('client');

  it('lists each rule a refused password breaks, and the server message otherwise', async () => {
    const weak = await failureOf(api.signUp(email, 'Password1'));
    expect(weak.code).toBe('weakPassword');
    expect(weak.rules).toEqual([passwordRuleMessages.weak]);
    const several = await failureOf(api.signUp(email, 'short'));
    expect(several.rules).toEqual([
      passwordRuleMessages.minLength,
      passwordRuleMessages.digit,
      passwordRuleMessages.upperLatin,
      passwordRuleMessages.weak,
    ]);
    const invalid = await failureOf(api.signUp('not-an-email', STRONG_PASSWORD));
    expect(invalid.code).toBe('invalidRequest');
    expect(invalid.fields).toEqual(['Enter a valid email address, such as name@example.com.']);
  });

  it('turns the service’s validation details into one sentence per field, never its schema text', async () => {
    const empty = await failureOf(api.signIn('', '', false));
    expect(empty.code).toBe('invalidRequest');
    expect(empty.fields).toEqual(['Enter your email address.', 'Enter a password.']);
    expect(empty.message).not.toMatch(/email:|expected|characters/);
  });

  it('words failures in the reader’s language: the catalogue’s sentence for the code, and the rules', async () => {
    const german = localeMessagesSchema.parse(
      JSON.parse(readFileSync('extension/_locales/de/messages.json', 'utf8')),
    );
    activate('de', german);
    try {
      const wrong = await failureOf(api.signIn(newEmail('nobody'), STRONG_PASSWORD, false));
      expect(wrong.code).toBe('invalidCredentials');
      expect(wrong.message).toBe(german.apiError_invalidCredentials?.message);
      const weak = await failureOf(api.signUp(email, 'short'));
      expect(weak.message).toBe(german.portal_errors_weakPassword?.message);
      expect(weak.rules[0]).toBe('Mindestens 8 Zeichen verwenden.');
    } finally {
      activate('en', {});
    }
  });

  it('signs up, verifies, signs in, and reports a lost session', async () => {
    expect(await api.currentAccount()).toBeNull();
    expect(await api.signUp(email, STRONG_PASSWORD)).toEqual({ status: 'verificationSent' });
    expect((await failureOf(api.signIn(email, STRONG_PASSWORD, false))).code).toBe('emailNotVerified');
    expect(await api.verifyEmail(await server.tokenFrom(email, 'verify-email'))).toEqual({
      status: 'verified',
    });
    const signedIn = await api.signIn(email, STRONG_PASSWORD, true);
    expect(signedIn.status).toBe('signedIn');
    expect((await api.currentAccount())?.email).toBe(email);
    expect(await api.sessions()).toEqual([expect.objectContaining({ current: true, persistent: true })]);

    let lost = 0;
    const stop = onSessionLost(() => (lost += 1));
    const cookies = new Map(jar);
    jar.clear();
    expect((await failureOf(api.devices())).code).toBe('unauthenticated');
    expect(lost).toBe(1);
    stop();
    for (const [k, v] of cookies) jar.set(k, v);
  });

  it('writes with the CSRF token: subscription, password, 2FA on and off, link codes, sign-out', async () => {
    expect(await api.subscription()).toMatchObject({ tier: 'free', devicesUsed: 0 });
    const [code] = await server.app.context.subscriptions.createCodes(1, 30, 5);
    expect(await api.activate(code ?? '')).toMatchObject({ tier: 'unlimited', deviceLimit: 5 });
    expect((await failureOf(api.activate('AAAA-BBBB-CCCC-DDDD'))).code).toBe('invalidActivationCode');

    const newPassword = 'Tq4wz8Npx3Lr';
    await api.changePassword(STRONG_PASSWORD, newPassword);
    expect((await failureOf(api.changePassword('Wrong1Password', STRONG_PASSWORD))).code).toBe(
      'invalidCredentials',
    );

    const setup = await api.twoFactorSetup();
    const totp = new TOTP({ secret: setup.secret });
    expect(setup.otpauthUri).toContain('otpauth://totp/');
    const recovery = await api.twoFactorConfirm(totp.generate({ timestamp: server.clock.now().getTime() }));
    expect(recovery).toHaveLength(10);
    expect((await api.currentAccount())?.twoFactorEnabled).toBe(true);
    await api.twoFactorDisable(
      newPassword,
      totp.generate({ timestamp: server.clock.now().getTime() + 30_000 }),
    );
    expect((await api.currentAccount())?.twoFactorEnabled).toBe(false);

    expect((await api.linkCode()).code.length).toBeGreaterThanOrEqual(16);
    expect(await api.devices()).toEqual([]);
    await api.signOut();
    expect(await api.currentAccount()).toBeNull();
  });

  it('answers a reset request the same whether the account exists or not', async () => {
    expect(await api.requestPasswordReset(email)).toEqual({ status: 'resetEmailSent' });
    expect(await api.requestPasswordReset(newEmail('nobody'))).toEqual({ status: 'resetEmailSent' });
    await api.confirmPasswordReset(await server.tokenFrom(email, 'reset-password'), 'Hm6yt2Kcv9Qs');
    expect((await api.signIn(email, 'Hm6yt2Kcv9Qs', false)).status).toBe('signedIn');
  });
});

describe('the portal API client managing a device', () => {
  const email = newEmail('manager');
  let device: Awaited<ReturnType<typeof registeredDevice>>;

  /** Protection off, as the device the portal is asked to manage. */
  const state = (patch: Partial<DeviceState> = {}) =>
    reportedState(server, { protection: { ...reportedState(server).protection, enabled: false }, ...patch });
  const detection = (i: number) => ({
    url: `http://bad${i}.test/page`,
    threat: 'malware',
    list: 'urlhaus',
    at: server.clock.now().getTime() - 1000 * (100 - i),
    kind: 'page' as const,
  });
  const report = async (reported: DeviceState, results: unknown[] = []) => {
    const reply = await device.client.post(
      routes.deviceReport.path,
      { state: reported, results },
      device.auth,
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body as { commands: { id: string; command: DeviceCommand }[] };
  };

  beforeAll(async () => {
    await api.signUp(email, STRONG_PASSWORD);
    await api.verifyEmail(await server.tokenFrom(email, 'verify-email'));
    await api.signIn(email, STRONG_PASSWORD, false);
    device = await registeredDevice(server);
    const linked = await device.client.post(
      '/api/v1/devices/me/link',
      { email, password: STRONG_PASSWORD },
      device.auth,
    );
    expect(linked.status).toBe(200);
  });

  it('reads a device that never reported, and plans commands for it', async () => {
    const detail = await api.device(device.deviceId);
    expect(detail).toMatchObject({
      device: { id: device.deviceId, name: 'Test browser' },
      status: null,
      problems: [],
      commands: [],
      regions: [],
    });
    const planned = await api.sendCommand(device.deviceId, { type: 'checkTabs' });
    expect(planned).toMatchObject({ command: { type: 'checkTabs' }, status: 'planned', message: null });
    expect((await api.device(device.deviceId)).commands.map((c) => c.id)).toEqual([planned.id]);
  });

  it("sends a problem's fix with the CSRF token and sees it done with the device's message", async () => {
    const pending = await report(state({ detections: [detection(1)] }));
    const seen = await api.device(device.deviceId);
    expect(seen.status).toMatchObject({ online: true, tier: 'free' });
    expect(seen.problems.map((p) => p.kind)).toEqual(['protectionOff', 'detection']);
    const problem = seen.problems[0];
    if (problem?.kind !== 'protectionOff') throw new Error('expected protectionOff first');

    const sent = await api.sendCommand(device.deviceId, problem.fix);
    expect(sent).toMatchObject({ command: { type: 'setProtection', enabled: true }, status: 'planned' });
    const delivered = await report(state({ detections: [detection(1)] }), []);
    expect(delivered.commands.map((c) => c.id)).toContain(sent.id);
    expect((await api.device(device.deviceId)).commands[0]).toMatchObject({
      id: sent.id,
      status: 'delivered',
    });

    await report(
      state({ protection: { ...state().protection, enabled: true }, detections: [detection(1)] }),
      [
        { id: sent.id, outcome: 'done', message: 'Web protection is on.' },
        ...pending.commands.map((c) => ({ id: c.id, outcome: 'failed', message: 'No tabs to check.' })),
      ],
    );
    const done = await api.device(device.deviceId);
    expect(done.commands.map((c) => [c.command.type, c.status, c.message])).toEqual([
      ['setProtection', 'done', 'Web protection is on.'],
      ['checkTabs', 'failed', 'No tabs to check.'],
    ]);
    expect(done.problems.map((p) => p.kind)).toEqual(['detection']);
  });

  it('resolves listed detections by key, a grouped list only as a whole', async () => {
    const listed = (await api.device(device.deviceId)).problems[0];
    if (listed?.kind !== 'detection') throw new Error('expected a listed detection');
    await api.resolveDetections(device.deviceId, { keys: [listed.detection.key] });
    expect((await api.device(device.deviceId)).problems).toEqual([]);

    const many = Array.from({ length: 11 }, (_, i) => detection(10 + i));
    await report(state({ protection: { ...state().protection, enabled: true }, detections: many }));
    const grouped = await api.device(device.deviceId);
    expect(grouped.problems).toEqual([expect.objectContaining({ kind: 'detectionGroup', count: 11 })]);
    const refused = await failureOf(api.resolveDetections(device.deviceId, { keys: ['anything'] }));
    expect(refused.code).toBe('detectionsGrouped');
    expect(refused.message.length).toBeGreaterThan(5);
    await api.resolveDetections(device.deviceId, { all: true });
    expect((await api.device(device.deviceId)).problems).toEqual([]);
  });

  it("shows the server's message for a refused command and an unknown device", async () => {
    const region = await failureOf(api.sendCommand(device.deviceId, { type: 'setRegion', region: 'eu' }));
    expect(region.code).toBe('subscriptionRequired');
    expect(region.message.length).toBeGreaterThan(5);
    const bad = await failureOf(
      api.sendCommand(device.deviceId, { type: 'setVpn' } as unknown as DeviceCommand),
    );
    expect(bad.code).toBe('invalidRequest');
    expect(bad.message.length).toBeGreaterThan(5);
    const foreign = await failureOf(api.device('0b6a3f0e-6f7e-4d55-9a43-1d2f3c4b5a69'));
    expect(foreign.code).toBe('notFound');
    expect(
      (await failureOf(api.sendCommand('0b6a3f0e-6f7e-4d55-9a43-1d2f3c4b5a69', { type: 'checkTabs' }))).code,
    ).toBe('notFound');
  });

  it('reads the traffic report: 30 UTC days per device, with totals', async () => {
    const empty = await api.traffic();
    expect(empty.days).toHaveLength(30);
    expect(empty.totalBytes).toBe(0);
    const today = server.clock.now().toISOString().slice(0, 10);
    const usage = await new Client(server.url).post(
      routes.gatewayUsage.path,
      {
        batchId: `portal-client-${process.pid}`,
        gatewayId: 'gw-test',
        entries: [
          {
            deviceId: device.deviceId,
            accountId: null,
            day: today,
            uploadBytes: 1_000,
            downloadBytes: 4_000,
          },
        ],
      },
      { [GATEWAY_SECRET_HEADER]: GATEWAY_SECRET },
    );
    expect(usage.status).toBe(200);
    const traffic = await api.traffic();
    const day = traffic.days.indexOf(today);
    expect(day).toBeGreaterThanOrEqual(0);
    expect(traffic.devices).toEqual([expect.objectContaining({ id: device.deviceId, totalBytes: 5_000 })]);
    expect(traffic.devices[0]?.bytes[day]).toBe(5_000);
    expect(traffic.totalBytes).toBe(5_000);
  });
});
