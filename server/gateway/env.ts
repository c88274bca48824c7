import { availableParallelism, hostname } from 'node:os';
import { z } from 'zod';
import { appError, err, ok, type Result } from '../../src/result';
import { loadPublicKeysFromEnv } from '../credentials';
import type { GatewayConfig } from './config';
import { defaultConnectionLimits } from './connectionLimits';
import { httpReportUsage } from './httpReportUsage';
import { loopbackTestResolve } from './resolve';
import { readTlsFiles } from './tls';

type Env = Readonly<Record<string, string | undefined>>;

const flag = z.enum(['0', '1', 'true', 'false', '']).transform((value) => value === '1' || value === 'true');
const count = z.coerce.number().int().positive();
const envSchema = z
  .object({
    GATEWAY_HOST: z.string().default('0.0.0.0'),
    GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(8443),
    GATEWAY_TLS: z.enum(['on', 'off']).default('on'),
    GATEWAY_TLS_KEY_FILE: z.string().optional(),
    GATEWAY_TLS_CERT_FILE: z.string().optional(),
    GATEWAY_ID: z.string().min(1).default(hostname()),
    GATEWAY_REGION: z.string().default('local'),
    GATEWAY_CITY: z.string().default('Local'),
    ACCOUNT_URL: z.url().default('http://127.0.0.1:8787'),
    GATEWAY_SECRET: z.string().default(''),
    EXIT_ADDRESS: z.string().optional(),
    USAGE_REPORT_INTERVAL_MS: z.coerce.number().int().positive().default(10_000),
    GATEWAY_MAX_CONNECTIONS: count.default(defaultConnectionLimits.maxConnections),
    GATEWAY_RESERVED_CONNECTIONS: z.coerce
      .number()
      .int()
      .min(0)
      .default(defaultConnectionLimits.reservedForKnownClients),
    GATEWAY_MAX_CONNECTIONS_PER_ADDRESS: count.default(defaultConnectionLimits.maxPerAddress),
    GATEWAY_MAX_PENDING_PER_ADDRESS: count.default(defaultConnectionLimits.maxPendingPerAddress),
    GATEWAY_PENDING_TIMEOUT_MS: count.default(20_000),
    GATEWAY_IDLE_TIMEOUT_MS: count.default(5 * 60_000),
    ALLOW_PRIVATE_DESTINATIONS: flag.default(false),
    RESOLVE_TEST_TO_LOOPBACK: flag.default(false),
  })
  .refine((vars) => vars.GATEWAY_RESERVED_CONNECTIONS < vars.GATEWAY_MAX_CONNECTIONS, {
    message: 'GATEWAY_RESERVED_CONNECTIONS must be below GATEWAY_MAX_CONNECTIONS',
    path: ['GATEWAY_RESERVED_CONNECTIONS'],
  });

/** Reads the gateway's configuration from the environment (see docs/gateway.md). */
export const gatewayConfigFromEnv = async (env: Env): Promise<Result<GatewayConfig>> => {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    return err(appError('gateway-config-invalid', 'errorGatewayConfig', [z.prettifyError(parsed.error)]));
  }
  const vars = parsed.data;
  const publicKeys = await loadPublicKeysFromEnv(env);
  if (!publicKeys.ok) return publicKeys;

  let tls: GatewayConfig['tls'] = null;
  if (vars.GATEWAY_TLS === 'on') {
    if (vars.GATEWAY_TLS_KEY_FILE !== undefined && vars.GATEWAY_TLS_CERT_FILE !== undefined) {
      const files = await readTlsFiles(vars.GATEWAY_TLS_KEY_FILE, vars.GATEWAY_TLS_CERT_FILE);
      if (!files.ok) return files;
      tls = files.value;
    } else {
      tls = 'self-signed';
    }
  }

  const config: GatewayConfig = {
    host: vars.GATEWAY_HOST,
    port: vars.GATEWAY_PORT,
    tls,
    publicKeys: publicKeys.value,
    gateway: { id: vars.GATEWAY_ID, region: vars.GATEWAY_REGION, city: vars.GATEWAY_CITY },
    reportUsage: httpReportUsage(vars.ACCOUNT_URL, vars.GATEWAY_SECRET),
    reportIntervalMs: vars.USAGE_REPORT_INTERVAL_MS,
    allowPrivateDestinations: vars.ALLOW_PRIVATE_DESTINATIONS,
    connectionLimits: {
      maxConnections: vars.GATEWAY_MAX_CONNECTIONS,
      reservedForKnownClients: vars.GATEWAY_RESERVED_CONNECTIONS,
      maxPerAddress: vars.GATEWAY_MAX_CONNECTIONS_PER_ADDRESS,
      maxPendingPerAddress: vars.GATEWAY_MAX_PENDING_PER_ADDRESS,
    },
    pendingTimeoutMs: vars.GATEWAY_PENDING_TIMEOUT_MS,
    idleTimeoutMs: vars.GATEWAY_IDLE_TIMEOUT_MS,
  };
  if (vars.EXIT_ADDRESS !== undefined && vars.EXIT_ADDRESS !== '') config.exitAddress = vars.EXIT_ADDRESS;
  if (vars.RESOLVE_TEST_TO_LOOPBACK) config.resolve = loopbackTestResolve;
  return ok(config);
};

const clusterEnvSchema = z.object({
  GATEWAY_WORKERS: z.coerce.number().int().min(1).max(256).optional(),
  GATEWAY_METRICS_HOST: z.string().default('127.0.0.1'),
  GATEWAY_METRICS_PORT: z.union([z.literal('off'), z.coerce.number().int().min(0).max(65535)]).default(9464),
  GATEWAY_TLS: z.enum(['on', 'off']).default('on'),
  GATEWAY_TLS_KEY_FILE: z.string().optional(),
  GATEWAY_TLS_CERT_FILE: z.string().optional(),
  // Node's own switch: `rr` makes the primary accept and deal connections out in turn (even, but every
  // connection then costs the primary a hand-over); the default `none` lets each worker accept by itself.
  NODE_CLUSTER_SCHED_POLICY: z.enum(['rr', 'none']).default('none'),
});

export interface ClusterSettings {
  workers: number;
  balance: 'rr' | 'none';
  metrics: { host: string; port: number } | null;
  tlsFiles: { keyFile: string; certFile: string } | null;
}

/** The settings of the cluster primary: how many workers, where `/metrics` and `/healthz` answer, which files to follow. */
export const clusterSettingsFromEnv = (env: Env): Result<ClusterSettings> => {
  const parsed = clusterEnvSchema.safeParse(env);
  if (!parsed.success) {
    return err(appError('gateway-config-invalid', 'errorGatewayConfig', [z.prettifyError(parsed.error)]));
  }
  const vars = parsed.data;
  return ok({
    workers: vars.GATEWAY_WORKERS ?? availableParallelism(),
    balance: vars.NODE_CLUSTER_SCHED_POLICY,
    metrics:
      vars.GATEWAY_METRICS_PORT === 'off'
        ? null
        : { host: vars.GATEWAY_METRICS_HOST, port: vars.GATEWAY_METRICS_PORT },
    tlsFiles:
      vars.GATEWAY_TLS === 'on' &&
      vars.GATEWAY_TLS_KEY_FILE !== undefined &&
      vars.GATEWAY_TLS_CERT_FILE !== undefined
        ? { keyFile: vars.GATEWAY_TLS_KEY_FILE, certFile: vars.GATEWAY_TLS_CERT_FILE }
        : null,
  });
};
