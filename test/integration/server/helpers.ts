// Test support for the account service: one app per test file on 127.0.0.1:0 with PGlite in memory, a
// movable clock, recorded progressive delays, and a small HTTP client with a cookie jar.
import { buildApp, type App, type AppOverrides } from '../../../server/app';
import { defaultThrottle, loadConfig, type Config } from '../../../server/config';
import { outboxRepository, type Database } from '../../../server/db';
import { testDatabase } from './database';
import { testArgon2 } from '../../../server/security/passwords';
import { totpCodeAt } from '../../../server/security/totp';
import type { DeviceState } from '../../../src/api/management';
import { routes } from '../../../src/api/routes';

export const GATEWAY_SECRET = 'test-gateway-secret-0123456789';
export const STRONG_PASSWORD = 'Vr7kq9Lmz2Xw';

export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ NODE_ENV: 'test' });
  return {
    ...base,
    host: '127.0.0.1',
    port: 0,
    publicUrl: 'http://portal.rampart.test',
    database: { kind: 'pglite', dataDir: ':memory:' },
    argon2: testArgon2,
    secureCookies: false,
    gatewaySecret: GATEWAY_SECRET,
    limits: { anonymousDailyBytes: 200_000, freeDailyBytes: 300_000, freeDeviceLimit: 2 },
    // Per-IP limits high (every test comes from 127.0.0.1); per-account limits as in production.
    throttle: {
      ...defaultThrottle,
      signInPerIp: 10_000,
      resetPerIp: 10_000,
      verifyPerIp: 10_000,
      registerPerIp: 10_000,
    },
    requestsPerMinutePerIp: 100_000,
    logger: false,
    ...overrides,
  };
}

export interface TestServer {
  url: string;
  app: App;
  db: Database;
  config: Config;
  /** Milliseconds the throttle asked to wait, in order. */
  delays: number[];
  clock: { now: () => Date; advance(ms: number): void };
  /** Mails in the outbox to `to`, oldest first, once the mail worker has delivered what is due. */
  mailsTo(to: string): Promise<{ subject: string; text: string }[]>;
  /** The token in the last mailed link with `path`. */
  tokenFrom(to: string, path: 'verify-email' | 'reset-password'): Promise<string>;
  close(): Promise<void>;
}

export async function startServer(
  options: { config?: Partial<Config>; overrides?: AppOverrides; db?: Database } = {},
): Promise<TestServer> {
  const config = testConfig(options.config);
  const db = options.db ?? (await testDatabase());
  let offset = 0;
  const clock = { now: () => new Date(Date.now() + offset), advance: (ms: number) => void (offset += ms) };
  const delays: number[] = [];
  const app = await buildApp(config, {
    db,
    now: clock.now,
    sleep: async (ms) => void delays.push(ms),
    ...options.overrides,
  });
  const url = await app.listen();
  const outbox = outboxRepository(db);
  const mailsTo = async (to: string) => {
    await app.mailQueue.drain();
    return (await outbox.latest(500))
      .filter((m) => m.recipient === to)
      .reverse()
      .map((m) => ({ subject: m.subject, text: m.textBody }));
  };
  return {
    url,
    app,
    db,
    config,
    delays,
    clock,
    mailsTo,
    async tokenFrom(to, path) {
      const mails = await mailsTo(to);
      const links = mails.flatMap((m) =>
        [...m.text.matchAll(new RegExp(`/${path}\\?token=([A-Za-z0-9_-]+)`, 'g'))].map((x) => x[1]),
      );
      const token = links.at(-1);
      if (token === undefined) throw new Error(`no ${path} link mailed to ${to}`);
      return token;
    },
    async close() {
      await app.close();
      if (options.db === undefined) await db.close();
    },
  };
}

let counter = 0;
/** A fresh address per call so tests sharing a server never collide. */
export const newEmail = (label = 'user') => `${label}-${process.pid}-${++counter}@example.com`;

// Replies are inspected loosely in tests; contracts are checked with their zod schemas where it matters.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface Reply<T = Loose> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like client: keeps cookies, sends the CSRF header once it knows the token. */
export class Client {
  cookies = new Map<string, string>();
  csrf: string | undefined;
  constructor(
    readonly baseUrl: string,
    readonly extraHeaders: Record<string, string> = {},
  ) {}

  async request<T = Loose>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const h: Record<string, string> = { ...this.extraHeaders, ...headers };
    if (body !== undefined) h['content-type'] ??= 'application/json';
    if (this.cookies.size > 0) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrf !== undefined) h['x-rampart-csrf'] ??= this.csrf;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: h,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = (pair ?? '').split('=');
      if (name === undefined) continue;
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value ?? '');
    }
    const text = await response.text();
    const parsed =
      text.length > 0 && (response.headers.get('content-type') ?? '').includes('json')
        ? JSON.parse(text)
        : text;
    if (parsed && typeof parsed === 'object' && typeof parsed.csrfToken === 'string')
      this.csrf = parsed.csrfToken;
    return { status: response.status, body: parsed, headers: response.headers };
  }

  get = <T = Loose>(path: string, headers?: Record<string, string>) =>
    this.request<T>('GET', path, undefined, headers);
  post = <T = Loose>(path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request<T>('POST', path, body, headers);
  delete = <T = Loose>(path: string, headers?: Record<string, string>) =>
    this.request<T>('DELETE', path, undefined, headers);
}

/** Signs up, follows the verification link and signs in; returns the signed-in client. */
export async function signedInUser(
  server: TestServer,
  email = newEmail(),
  password = STRONG_PASSWORD,
  rememberMe = false,
) {
  const client = new Client(server.url);
  const signUp = await client.post('/api/v1/accounts', { email, password });
  if (signUp.status !== 202) throw new Error(`sign-up failed: ${JSON.stringify(signUp.body)}`);
  const verified = await client.post('/api/v1/accounts/verify-email', {
    token: await server.tokenFrom(email, 'verify-email'),
  });
  if (verified.status !== 200) throw new Error(`verify failed: ${JSON.stringify(verified.body)}`);
  const signIn = await client.post('/api/v1/sessions', { email, password, rememberMe });
  if (signIn.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(signIn.body)}`);
  return { client, email, password, accountId: signIn.body.account.id as string };
}

/** A registered anonymous device; `auth` holds its bearer header. */
export async function registeredDevice(server: TestServer) {
  const client = new Client(server.url);
  const reply = await client.post('/api/v1/devices', { name: 'Test browser', platform: 'chrome' });
  if (reply.status !== 201) throw new Error(`register failed: ${JSON.stringify(reply.body)}`);
  const tokens = reply.body as { deviceId: string; refreshToken: string; accessToken: string };
  return { client, ...tokens, auth: { authorization: `Bearer ${tokens.accessToken}` } };
}

/** A device registered as "Test browser" and linked to `user`'s account with the account's password. */
export async function linkedDevice(server: TestServer, user: { email: string; password: string }) {
  const device = await registeredDevice(server);
  const linked = await device.client.post(
    routes.linkWithPassword.path,
    { email: user.email, password: user.password },
    device.auth,
  );
  if (linked.status !== 200) throw new Error(`link failed: ${JSON.stringify(linked.body)}`);
  return device;
}

/**
 * What a working extension reports (VPN on, protection on, kill switch off, its threat database a day old by the
 * server's clock, nothing detected); `patch` replaces whole fields.
 */
export const reportedState = (server: TestServer, patch: Partial<DeviceState> = {}): DeviceState => ({
  extensionVersion: '0.1.0',
  vpn: { state: 'on', region: 'optimal', exitAddress: '203.0.113.9', proxyControlledByOther: false },
  killSwitch: false,
  protection: {
    enabled: true,
    databaseVersion: 3,
    databaseUpdatedAt: new Date(server.clock.now().getTime() - 86_400_000).toISOString(),
  },
  detections: [],
  ...patch,
});

export const totpNow = (secret: string, server: TestServer, stepOffset = 0) =>
  totpCodeAt(secret, new Date(server.clock.now().getTime() + stepOffset * 30_000));
