import { randomBytes } from 'node:crypto';
import { buildApp, type App, type AppOverrides } from '../app';
import type { Config } from '../config';
import { generateCredentialKeys, publicKeySetOf, type CredentialKeys } from '../credentials';
import {
  httpReportUsage,
  spkiFingerprint,
  startGateway,
  type GatewayConfig,
  type RunningGateway,
} from '../gateway';
import { freePort } from './freePort';

export interface LocalStackOptions {
  config: Config;
  overrides?: AppOverrides;
  credentialKeys?: CredentialKeys;
  gateway: {
    host: string;
    /** 0: a free port (tests). */
    port: number;
    region: string;
    city: string;
    tls: GatewayConfig['tls'];
  } & Pick<
    GatewayConfig,
    'allowPrivateDestinations' | 'resolve' | 'reportIntervalMs' | 'exitAddress' | 'log' | 'now'
  >;
}

export interface LocalStack {
  app: App;
  serviceUrl: string;
  gateway: RunningGateway & { id: string; host: string; spki: string | null };
  close(): Promise<void>;
}

/**
 * The account service and one gateway in one process, sharing the credential key pair and the usage secret:
 * what `npm start` runs, and what end-to-end tests start on loopback. The gateway is listed in the service's
 * database so the extension finds it through the gateway list.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const keys = options.credentialKeys ?? generateCredentialKeys();
  const gatewaySecret = options.config.gatewaySecret ?? randomBytes(24).toString('base64url');
  const app = await buildApp(
    { ...options.config, gatewaySecret },
    { ...options.overrides, credentialKeys: keys },
  );
  const serviceUrl = await app.listen();

  const { host, region, city } = options.gateway;
  const port = options.gateway.port === 0 ? await freePort(host) : options.gateway.port;
  const listed = (await app.context.vpn.listGateways()).find((g) => g.host === host && g.port === port);
  const row = listed ?? (await app.context.vpn.addGateway({ region, city, host, port }));

  const { host: _h, port: _p, region: _r, city: _c, ...gatewayOptions } = options.gateway;
  const running = await startGateway({
    ...gatewayOptions,
    host,
    port,
    publicKeys: publicKeySetOf(keys.publicKey),
    gateway: { id: row.id, region: row.region, city: row.city },
    reportUsage: httpReportUsage(serviceUrl, gatewaySecret),
  });

  return {
    app,
    serviceUrl,
    gateway: {
      ...running,
      id: row.id,
      host,
      spki: running.certificate ? spkiFingerprint(running.certificate) : null,
    },
    close: async () => {
      await running.close();
      await app.close();
    },
  };
}
