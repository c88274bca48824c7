// The gateway as it runs in production: `server/gateway/main.ts` in a child process, a primary and its
// workers, all on 127.0.0.1, reporting usage to a stand-in account service.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatewayUsageBatchSchema, type GatewayUsageBatch } from '../../../src/api/proxyCredential';
import { publicKeyToPem } from '../../../server/credentials';
import { selfSignedTls, type TlsMaterial } from '../../../server/gateway';
import { keys } from './helpers';

export interface UsageService {
  url: string;
  batches: GatewayUsageBatch[];
  close(): Promise<void>;
}

/** Records every batch and acknowledges it, as the account service does. */
export const startUsageService = async (): Promise<UsageService> => {
  const batches: GatewayUsageBatch[] = [];
  const server = http.createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      batches.push(gatewayUsageBatchSchema.parse(JSON.parse(text)));
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ accepted: 1, duplicate: false, overLimit: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`,
    batches,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

export interface ClusterGateway {
  port: number;
  certificate: string;
  metricsUrl: string;
  output: () => string;
  /** Replaces the key and certificate files (each by a rename, as certbot does). */
  renewCertificate(material: TlsMaterial): Promise<void>;
  stop(): Promise<void>;
}

export const startClusterGateway = async (
  usage: UsageService,
  env: Record<string, string> = {},
): Promise<ClusterGateway> => {
  const folder = await mkdtemp(join(tmpdir(), 'rampart-gateway-cluster-'));
  const keyFile = join(folder, 'privkey.pem');
  const certFile = join(folder, 'fullchain.pem');
  const writeAtomically = async (file: string, text: string) => {
    await writeFile(`${file}.new`, text);
    await rename(`${file}.new`, file);
  };
  const first = await selfSignedTls();
  await writeAtomically(keyFile, first.key);
  await writeAtomically(certFile, first.cert);

  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/gateway/main.ts'], {
    env: {
      ...process.env,
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: '0',
      GATEWAY_METRICS_PORT: '0',
      GATEWAY_TLS_KEY_FILE: keyFile,
      GATEWAY_TLS_CERT_FILE: certFile,
      GATEWAY_ID: 'gw-cluster-test',
      CREDENTIAL_PUBLIC_KEY: publicKeyToPem(keys.publicKey),
      ACCOUNT_URL: usage.url,
      GATEWAY_SECRET: 'test-secret',
      USAGE_REPORT_INTERVAL_MS: '200',
      ALLOW_PRIVATE_DESTINATIONS: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const started = await new Promise<{ port: number; metricsUrl: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the gateway did not start:\n${output}`)), 45_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      const port = /listening on https:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      const metricsUrl = /metrics on (http:\/\/127\.0\.0\.1:\d+)\/metrics/.exec(output)?.[1];
      if (port !== undefined && metricsUrl !== undefined) {
        clearTimeout(timer);
        resolve({ port: Number(port), metricsUrl });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the gateway exited with ${String(code)}:\n${output}`)));
  });
  return {
    ...started,
    certificate: first.cert,
    output: () => output,
    renewCertificate: async (material) => {
      await writeAtomically(keyFile, material.key);
      await writeAtomically(certFile, material.cert);
    },
    stop: async () => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      await rm(folder, { recursive: true, force: true });
    },
  };
};

/** The value of one sample in Prometheus text format, e.g. `rampart_gateway_tunnels_open` or with its labels. */
export const sample = (text: string, series: string): number | undefined => {
  for (const line of text.split('\n')) {
    if (line.startsWith(`${series} `)) return Number(line.slice(series.length + 1));
  }
  return undefined;
};

export const until = async <T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 10_000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
