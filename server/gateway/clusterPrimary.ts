import cluster, { type Worker } from 'node:cluster';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AggregatorRegistry, Gauge, Registry } from 'prom-client';
import { watchCertificate, type CertificateWatch } from './certificateReload';
import { toPrimarySchema, type ToWorker } from './clusterMessages';
import type { GatewayConfig } from './config';
import { usageBatchesDroppedCounter } from './metrics';
import { selfSignedTls, type TlsMaterial } from './tls';
import { UsageHub } from './usageHub';
import { UsageReporter } from './usageReporter';

export interface ClusterOptions {
  /** Worker processes; one per core. */
  workers: number;
  /** Who accepts connections: each worker by itself (`none`), or the primary dealing them out in turn (`rr`). */
  balance: 'rr' | 'none';
  /** What the primary needs of the gateway's settings (the workers read the rest themselves). */
  config: Pick<
    GatewayConfig,
    'tls' | 'gateway' | 'reportUsage' | 'reportIntervalMs' | 'retryBaseMs' | 'retryMaxMs' | 'meterIntervalMs'
  >;
  /** Followed for renewals (and re-read on SIGHUP) when the certificate comes from files. */
  tlsFiles: { keyFile: string; certFile: string } | null;
  /** Where `/metrics` and `/healthz` answer; null: nowhere. */
  metrics: { host: string; port: number } | null;
  now?: () => number;
  log: (line: string) => void;
}

export interface RunningCluster {
  /** The port the workers accept on (resolved once every worker listens). */
  port: number;
  /** `http://host:port` of `/metrics` and `/healthz`, or null. */
  metricsUrl: string | null;
  certificate: string | null;
  /** Re-reads the certificate files now (what SIGHUP does). */
  reloadCertificate(): Promise<void>;
  /** Stops accepting, lets the workers close their connections and hand over usage, sends the last batch. */
  close(): Promise<void>;
}

/**
 * The gateway on every core: the primary forks one worker per core, and the workers share the listening socket
 * (the kernel hands each new connection to one of them; no hop through the primary). The primary holds what
 * must be single: the certificate and session-ticket keys (so a client resumes its TLS session on any worker),
 * usage (summed over workers and reported once per device), the daily-limit verdicts sent back to every
 * worker, and the metrics and health listener.
 */
export const startGatewayCluster = async (options: ClusterOptions): Promise<RunningCluster> => {
  const { log } = options;
  const now = options.now ?? Date.now;
  // Before the first fork.
  cluster.schedulingPolicy = options.balance === 'rr' ? cluster.SCHED_RR : cluster.SCHED_NONE;
  let tls: TlsMaterial | null =
    options.config.tls === 'self-signed' ? await selfSignedTls() : options.config.tls;
  const ticketKeys = randomBytes(48).toString('base64');

  const registry = new Registry();
  const dropped = usageBatchesDroppedCounter(registry);
  const listening = new Map<number, number>();
  let stopping = false;
  new Gauge({
    name: 'rampart_gateway_workers_listening',
    help: 'Worker processes accepting connections',
    registers: [registry],
    collect() {
      this.set(listening.size);
    },
  });
  const aggregator = new AggregatorRegistry();

  let hub: UsageHub | undefined = undefined;
  const reporter = new UsageReporter({
    gatewayId: options.config.gateway.id,
    report: options.config.reportUsage,
    intervalMs: options.config.reportIntervalMs ?? 10_000,
    retryBaseMs: options.config.retryBaseMs ?? 1_000,
    retryMaxMs: options.config.retryMaxMs ?? 60_000,
    onAcknowledged: ({ overLimitDeviceIds }) => hub?.overLimit(overLimitDeviceIds),
    onError: (error) =>
      log(`usage report not acknowledged, will retry: ${JSON.stringify(error) ?? String(error)}`),
    onDropped: (batch, error) => {
      dropped.inc();
      log(
        `usage batch ${batch.batchId} refused for good (${error.substitutions?.join(' ') ?? error.code}), dropped: ${String(batch.entries.length)} entries`,
      );
    },
  });
  hub = new UsageHub(reporter, now);

  const send = (worker: Worker, message: ToWorker) => {
    if (worker.isConnected()) worker.send(message);
  };
  const everyWorker = (message: ToWorker) => {
    for (const worker of Object.values(cluster.workers ?? {}))
      if (worker !== undefined) send(worker, message);
  };

  let allListening: (port: number) => void = () => undefined;
  const port = new Promise<number>((resolve) => (allListening = resolve));

  cluster.on('message', (worker, raw) => {
    const message = toPrimarySchema.safeParse(raw);
    if (!message.success) return;
    const value = message.data;
    if (value.type === 'rampart:ready') {
      send(worker, { type: 'rampart:start', tls, ticketKeys });
    } else if (value.type === 'rampart:listening') {
      listening.set(worker.id, value.port);
      if (listening.size === options.workers) allListening(value.port);
    } else {
      hub?.received(value.credentials, value.charges);
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    listening.delete(worker.id);
    if (stopping) return;
    log(`worker ${String(worker.process.pid)} ended (${String(signal ?? code)}): starting another`);
    cluster.fork();
  });
  for (let i = 0; i < options.workers; i += 1) cluster.fork();
  const listeningPort = await port;

  // Daily-limit verdicts: every worker refuses and cuts what all of them together used up.
  let lastExhausted = '';
  const verdicts = setInterval(() => {
    const principals = hub?.exhausted() ?? [];
    const text = principals.join('\n');
    if (text === lastExhausted && principals.length === 0) return;
    lastExhausted = text;
    everyWorker({ type: 'rampart:exhausted', principals });
  }, options.config.meterIntervalMs ?? 1_000);
  verdicts.unref();
  reporter.start();

  let certificates: CertificateWatch | null = null;
  if (options.tlsFiles !== null && tls !== null) {
    certificates = watchCertificate({
      ...options.tlsFiles,
      current: tls,
      log,
      onChange: (material) => {
        tls = material;
        everyWorker({ type: 'rampart:tls', tls: material });
        log('certificate reloaded: new connections use it, open ones go on');
      },
    });
  }
  const reloadCertificate = async () => {
    if (certificates === null) log('no certificate files to reload');
    await certificates?.reload();
  };

  const health = () => {
    const ok = !stopping && listening.size === options.workers;
    return {
      status: ok ? 200 : 503,
      body: {
        status: ok ? 'ok' : stopping ? 'stopping' : 'starting',
        workers: options.workers,
        listening: listening.size,
      },
    };
  };
  let metricsServer: http.Server | null = null;
  let metricsUrl: string | null = null;
  if (options.metrics !== null) {
    const server = http.createServer((request, response) => {
      const path = (request.url ?? '').split('?')[0];
      if (request.method === 'GET' && path === '/healthz') {
        const { status, body } = health();
        response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        response.end(JSON.stringify(body));
        return;
      }
      if (request.method === 'GET' && path === '/metrics') {
        void Promise.all([aggregator.clusterMetrics(), registry.metrics()]).then(
          ([workers, own]) => {
            response.writeHead(200, { 'content-type': registry.contentType });
            response.end(`${workers}\n${own}`);
          },
          (error: unknown) => {
            response.writeHead(503, { 'content-type': 'text/plain' });
            response.end(`metrics unavailable: ${String(error)}\n`);
          },
        );
        return;
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) =>
      server.listen(options.metrics?.port, options.metrics?.host, resolve),
    );
    const address = server.address() as AddressInfo;
    const host = address.address.includes(':') ? `[${address.address}]` : address.address;
    metricsUrl = `http://${host}:${String(address.port)}`;
    metricsServer = server;
  }

  return {
    port: listeningPort,
    metricsUrl,
    get certificate() {
      return tls?.cert ?? null;
    },
    reloadCertificate,
    close: async () => {
      stopping = true;
      clearInterval(verdicts);
      certificates?.close();
      // Each worker closes its connections and sends its last counts before it exits.
      const exited = Object.values(cluster.workers ?? {}).map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker === undefined || worker.isDead()) return resolve();
            worker.once('exit', () => resolve());
            worker.process.kill('SIGTERM');
          }),
      );
      await Promise.all(exited);
      await reporter.close();
      await new Promise<void>((resolve) =>
        metricsServer === null ? resolve() : metricsServer.close(() => resolve()),
      );
    },
  };
};
