import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from './config';
import { generateCredentialKeys, type CredentialKeys } from './credentials';
import { migrate, openDatabase, serverSecretsRepository, type Database } from './db';
import { createGuards } from './http/auth';
import { sessionCookies } from './http/cookies';
import { deviceCookies } from './http/device-cookie';
import { registerErrorHandling } from './http/errors';
import { floodGuardStore } from './http/flood-guard-store';
import { loggerOptions, type LogStream } from './http/logging';
import { createOutboxMailer, createSmtpMailer, type Mailer } from './mail';
import { registerHealth } from './observability/health';
import { createServiceMetrics, type ServiceMetrics } from './observability/metrics';
import { startMailQueue, type MailQueue } from './mail/queue';
import { portalDistDir, registerPortal } from './portal/registerPortal';
import { accountRoutes } from './routes/accounts';
import type { RouteContext } from './routes/context';
import { devOutboxRoutes } from './routes/dev-outbox';
import { deviceRoutes } from './routes/devices';
import { managementRoutes } from './routes/management';
import { securityRoutes } from './routes/security';
import { subscriptionRoutes } from './routes/subscriptions';
import { vpnRoutes } from './routes/vpn';
import { threatRoutes } from './routes/threats';
import { createThreatsService } from './services/threats';
import { createPasswordHasher, type PasswordHasher } from './security/passwords';
import { createAccountMail } from './services/account-mail';
import { createAccountsService } from './services/accounts';
import { credentialSigner } from './services/credential-signer';
import { createDevicesService } from './services/devices';
import { createManagementService } from './services/management';
import { createSessionsService } from './services/sessions';
import { createSubscriptionsService } from './services/subscriptions';
import { createThrottle } from './services/throttle';
import { createTrafficService } from './services/traffic';
import { createTwoFactorService, type TwoFactorService } from './services/two-factor';
import { createUsageService } from './services/usage';
import { createVpnService } from './services/vpn';

/** Everything a test or the CLI may swap; production takes the defaults. */
export interface AppOverrides {
  /** An open database (tests share one, the CLI opens its own); default: opened from `config.database`. */
  db?: Database;
  mailer?: Mailer;
  /** The clock of every expiry and daily limit. */
  now?: () => Date;
  /** The progressive delay's sleep: tests record delays instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
  /** The proxy-credential signing key; default: a fresh pair (fine for development, not for gateways that must trust it). */
  credentialKeys?: CredentialKeys;
  /** The password hasher; tests wrap it to count the guesses that reach Argon2. */
  hasher?: PasswordHasher;
  /** Wraps the two-step service; tests count the codes that reach the check. */
  twoFactor?: (service: TwoFactorService) => TwoFactorService;
  /** Where the request log goes instead of stdout (turns the log on even when `config.logger` is off). */
  logStream?: LogStream;
}

/** A route as registered, e.g. `{ method: 'POST', url: '/api/v1/accounts' }` (tests walk every one). */
export interface RegisteredRoute {
  method: string;
  url: string;
}

export interface App {
  fastify: FastifyInstance;
  /** Every route the service answers, in registration order (HEAD routes included). */
  routes: readonly RegisteredRoute[];
  context: RouteContext;
  credentialKeys: CredentialKeys;
  metrics: ServiceMetrics;
  /** The mail worker's queue: `drain()` delivers what is due now. */
  mailQueue: MailQueue;
  /**
   * Listens on `config.host:config.port` (0: any free port) and returns the base URL; also starts the
   * metrics listener when `config.metrics` is set.
   */
  listen(): Promise<string>;
  /** The metrics listener's address once `listen` started it, else null. */
  metricsAddress(): string | null;
  close(): Promise<void>;
}

/** Wires the account service from its configuration: database (migrated), mail, services, routes. */
export async function buildApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const now = overrides.now ?? (() => new Date());
  const ownsDb = overrides.db === undefined;
  const db = overrides.db ?? (await openDatabase(config.database));
  await migrate(db);

  const credentialKeys = overrides.credentialKeys ?? generateCredentialKeys();
  const mailer =
    overrides.mailer ??
    (config.smtpUrl !== null
      ? createSmtpMailer(config.smtpUrl, config.mailFrom)
      : createOutboxMailer(db, now));
  const { timeouts } = config;
  const fastify = Fastify({
    logger: loggerOptions(config.logger, overrides.logStream),
    bodyLimit: config.bodyLimitBytes,
    // A client that sends headers or a body slowly, or announces a body that never comes, is cut off:
    // Node checks these deadlines every `connectionsCheckingInterval`, so that runs often enough to matter.
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
    http: {
      headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs),
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(timeouts.headersMs / 4))),
    },
    trustProxy: config.trustProxy,
    // Refuse `__proto__`/`constructor` keys outright instead of silently stripping them.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
  registerErrorHandling(fastify);
  const routes: RegisteredRoute[] = [];
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  const metrics = createServiceMetrics();
  metrics.instrument(fastify);
  registerHealth(fastify, db);
  // JSON only: a text/plain body is what a cross-site form can send without a preflight.
  fastify.removeContentTypeParser('text/plain');
  await fastify.register(cookie);
  // Counted in the database, so every instance on it grants an address one budget.
  await fastify.register(rateLimit, {
    max: config.requestsPerMinutePerIp,
    timeWindow: 60_000,
    store: floodGuardStore(db),
  });

  const throttle = createThrottle(config.throttle, { db, sleep: overrides.sleep ?? ((ms) => sleep(ms)) });
  const hasher = overrides.hasher ?? createPasswordHasher(config.argon2);
  const sessions = createSessionsService({ db, now });
  const realTwoFactor = createTwoFactorService({ db, now, hasher, throttle });
  const twoFactor = overrides.twoFactor?.(realTwoFactor) ?? realTwoFactor;
  const mailQueue = await startMailQueue({
    db,
    config: config.mailQueue,
    deliver: createAccountMail({ db, now, mailer, publicUrl: config.publicUrl }).deliver,
    log: (message, error) => fastify.log.error({ err: error }, message),
  });
  metrics.watchMailQueue(() => mailQueue.depth());
  const accounts = createAccountsService({
    db,
    now,
    hasher,
    mail: mailQueue,
    throttle,
    sessions,
    twoFactor,
  });
  const devices = createDevicesService({
    db,
    now,
    throttle,
    accounts,
    limits: config.limits,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
  });
  const cookies = sessionCookies(config.secureCookies);
  // One key for every instance on this database, so a device cookie from one is trusted by all.
  const deviceCookieSecret = await serverSecretsRepository(db).getOrCreate(
    'deviceCookie',
    randomBytes(32).toString('base64url'),
    now(),
  );
  const context: RouteContext = {
    config,
    db,
    cookies,
    deviceCookies: deviceCookies(config.secureCookies, deviceCookieSecret),
    guards: createGuards({
      sessions,
      devices,
      cookies,
      publicOrigin: new URL(config.publicUrl).origin,
      gatewaySecret: config.gatewaySecret,
    }),
    accounts,
    sessions,
    twoFactor,
    devices,
    mailQueue,
    subscriptions: createSubscriptionsService({ db, now, limits: config.limits, throttle }),
    vpn: createVpnService({ db, now, limits: config.limits, signer: credentialSigner(credentialKeys) }),
    usage: createUsageService({ db, now, limits: config.limits }),
    management: createManagementService({ db, now, limits: config.limits, devices }),
    traffic: createTrafficService({ db, now }),
  };

  accountRoutes(fastify, context);
  securityRoutes(fastify, context);
  deviceRoutes(fastify, context);
  subscriptionRoutes(fastify, context);
  vpnRoutes(fastify, context);
  managementRoutes(fastify, context);
  threatRoutes(fastify, createThreatsService({ db, now }));
  if (!config.production && config.smtpUrl === null) devOutboxRoutes(fastify, context);
  await registerPortal(fastify, portalDistDir());

  let metricsServer: { address: string; close(): Promise<void> } | null = null;
  return {
    fastify,
    routes,
    context,
    credentialKeys,
    metrics,
    mailQueue,
    async listen() {
      const address = await fastify.listen({ host: config.host, port: config.port });
      if (config.metrics) metricsServer = await metrics.listen(config.metrics.host, config.metrics.port);
      return address;
    },
    metricsAddress: () => metricsServer?.address ?? null,
    async close() {
      // Requests in flight are finished first (Fastify stops accepting, then waits for them).
      await fastify.close();
      await metricsServer?.close();
      throttle.close();
      await mailQueue.stop();
      mailer.close?.();
      if (ownsDb) await db.close();
    },
  };
}
