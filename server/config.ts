import type { DatabaseConfig } from './db';
import type { MailQueueConfig } from './mail/queue';
import { productionArgon2, type Argon2Params } from './security/passwords';
import type { ThrottleConfig } from './services/throttle';

export interface Limits {
  /** Bytes a day for a device with no account. */
  anonymousDailyBytes: number;
  /** Bytes a day for a device linked to a free account. */
  freeDailyBytes: number;
  /** Devices a free account may link. */
  freeDeviceLimit: number;
}

export interface Config {
  host: string;
  port: number;
  /** Where people reach the service: the base of links in mails and the one origin allowed to write with cookies. */
  publicUrl: string;
  production: boolean;
  database: DatabaseConfig;
  /** null: mail goes to the local outbox (GET /dev/outbox outside production). */
  smtpUrl: string | null;
  mailFrom: string;
  mailQueue: MailQueueConfig;
  argon2: Argon2Params;
  /** Secure cookies with the `__Host-` prefix; off only for plain-http loopback development and tests. */
  secureCookies: boolean;
  /** Shared secret gateways present to report usage; null disables usage reports. */
  gatewaySecret: string | null;
  limits: Limits;
  /** Where the portal sends people to buy a subscription (`PURCHASE_URL`); null: activation codes only. */
  purchaseUrl: string | null;
  throttle: ThrottleConfig;
  /** Requests per minute per IP over the whole API (a coarse flood guard; finer limits sit on each flow). */
  requestsPerMinutePerIp: number;
  bodyLimitBytes: number;
  accessTokenTtlSeconds: number;
  trustProxy: boolean;
  logger: boolean;
  /** Where Prometheus scrapes `/metrics` (a port of its own, never the public one); null: no metrics listener. */
  metrics: { host: string; port: number } | null;
  timeouts: HttpTimeouts;
}

/** How long a client may take to send its request; past that the connection is closed (408 when possible). */
export interface HttpTimeouts {
  /** From the first byte to the end of the headers. */
  headersMs: number;
  /** From the first byte to the end of the body: a body announced by Content-Length but slow or missing. */
  requestMs: number;
  /** A connection with no traffic in either direction (also between keep-alive requests). */
  idleMs: number;
}

const MB = 1_000_000;

export const defaultThrottle: ThrottleConfig = {
  windowMs: 15 * 60_000,
  signInPerAccount: 10,
  signInPerIp: 50,
  signInPerDevice: 10,
  signInPerSession: 10,
  twoFactorPerAccount: 10,
  resetPerAccount: 3,
  resetPerIp: 20,
  verifyPerIp: 30,
  registerPerIp: 30,
  freeFailures: 3,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
};

type Env = Record<string, string | undefined>;

const int = (env: Env, name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
};

/** An http(s) address, or null when unset; anything else stops the start with the variable's name. */
const webAddress = (env: Env, name: string): string | null => {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return null;
  const url = URL.parse(raw);
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    throw new Error(`${name} must be an http(s) address, got "${raw}"`);
  return url.href;
};

/** The service's configuration from environment variables (see docs/account-service.md, "Configuration"). */
export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const host = env.HOST ?? '127.0.0.1';
  const port = int(env, 'PORT', 8787);
  const publicUrl = (env.PUBLIC_URL ?? `http://${host}:${port}`).replace(/\/$/, '');
  return {
    host,
    port,
    publicUrl,
    production,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : { kind: 'pglite', dataDir: env.RAMPART_DATA_DIR ?? '.data/pglite' },
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM ?? 'Rampart <no-reply@rampart.test>',
    mailQueue: {
      // 30 s, 1 min, 2 min, … : eight retries cover about two hours of a mail server being down.
      retryLimit: int(env, 'MAIL_RETRY_LIMIT', 8),
      retryDelaySeconds: int(env, 'MAIL_RETRY_DELAY_SECONDS', 30),
      pollIntervalMs: int(env, 'MAIL_POLL_INTERVAL_MS', 2_000),
      claimTimeoutSeconds: int(env, 'MAIL_CLAIM_TIMEOUT_SECONDS', 300),
      maintenanceIntervalSeconds: 60,
    },
    argon2: {
      memoryCost: int(env, 'ARGON2_MEMORY_KIB', productionArgon2.memoryCost),
      timeCost: int(env, 'ARGON2_TIME_COST', productionArgon2.timeCost),
      parallelism: int(env, 'ARGON2_PARALLELISM', productionArgon2.parallelism),
    },
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : publicUrl.startsWith('https:'),
    gatewaySecret: env.GATEWAY_SECRET || null,
    limits: {
      anonymousDailyBytes: int(env, 'ANONYMOUS_DAILY_BYTES', 200 * MB),
      freeDailyBytes: int(env, 'FREE_DAILY_BYTES', 300 * MB),
      freeDeviceLimit: int(env, 'FREE_DEVICE_LIMIT', 3),
    },
    purchaseUrl: webAddress(env, 'PURCHASE_URL'),
    throttle: defaultThrottle,
    requestsPerMinutePerIp: int(env, 'REQUESTS_PER_MINUTE_PER_IP', 600),
    bodyLimitBytes: 64 * 1024,
    accessTokenTtlSeconds: 15 * 60,
    trustProxy: env.TRUST_PROXY === 'true',
    logger: env.LOG !== 'false',
    metrics: env.METRICS_PORT
      ? { host: env.METRICS_HOST ?? '127.0.0.1', port: int(env, 'METRICS_PORT', 9464) }
      : null,
    timeouts: {
      headersMs: int(env, 'HEADERS_TIMEOUT_MS', 10_000),
      requestMs: int(env, 'REQUEST_TIMEOUT_MS', 30_000),
      idleMs: int(env, 'IDLE_TIMEOUT_MS', 60_000),
    },
  };
}
