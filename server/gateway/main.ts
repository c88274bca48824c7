// Entry point of the gateway: `npm run gateway` (configuration from the environment, see docs/gateway.md).
// The primary process forks one worker per core (GATEWAY_WORKERS); each worker runs this file too.
import cluster from 'node:cluster';
import { runClusterWorker } from './clusterWorker';
import { startGatewayCluster } from './clusterPrimary';
import { connectionLimitsFrom, limitsPerWorker } from './connectionLimits';
import { clusterSettingsFromEnv, gatewayConfigFromEnv } from './env';

const role = cluster.isPrimary ? 'gateway' : `gateway ${String(process.pid)}`;
const log = (line: string) => console.log(`[${role}] ${line}`);

const config = await gatewayConfigFromEnv(process.env);
const settings = clusterSettingsFromEnv(process.env);
if (!config.ok || !settings.ok) {
  const error = !config.ok ? config.error : !settings.ok ? settings.error : null;
  console.error(`[${role}] cannot start: ${String(error?.code)} ${error?.substitutions?.join(' ') ?? ''}`);
  process.exit(1);
}

// The caps hold for the whole gateway; each worker counts only its own connections and holds its share.
const limits = connectionLimitsFrom(config.value.connectionLimits);
const share = limitsPerWorker(limits, settings.value.workers);

let stopping = false;
const onStop = (stop: () => Promise<void>) => {
  const once = async () => {
    if (stopping) return;
    stopping = true;
    await stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void once());
  process.on('SIGTERM', () => void once());
};

if (cluster.isPrimary) {
  if (config.value.tls === 'self-signed')
    log('no GATEWAY_TLS_KEY_FILE/GATEWAY_TLS_CERT_FILE: using a self-signed certificate');
  if (config.value.allowPrivateDestinations === true) log('ALLOW_PRIVATE_DESTINATIONS is on: for tests only');
  if ((process.env['GATEWAY_SECRET'] ?? '') === '')
    log('GATEWAY_SECRET is empty: the account service will refuse usage reports');
  const gateway = await startGatewayCluster({ config: config.value, ...settings.value, log });
  log(
    `limits for the whole gateway: ${String(limits.maxConnections)} connections (${String(limits.reservedForKnownClients)} kept for clients that authenticated), ` +
      `${String(limits.maxPerAddress)} per client address of which ${String(limits.maxPendingPerAddress)} before authenticating; ` +
      `each of the ${String(settings.value.workers)} workers holds its share, rounded up (${String(share.maxConnections)}, ${String(share.reservedForKnownClients)}, ` +
      `${String(share.maxPerAddress)}, ${String(share.maxPendingPerAddress)}): one address's connections land on workers unevenly, so it may be refused a little below its cap; ` +
      `idle timeout ${String(config.value.idleTimeoutMs)} ms (${String(config.value.pendingTimeoutMs)} ms before authenticating)`,
  );
  if (gateway.metricsUrl !== null)
    log(`metrics on ${gateway.metricsUrl}/metrics, health on ${gateway.metricsUrl}/healthz`);
  const host = config.value.host.includes(':') ? `[${config.value.host}]` : config.value.host;
  log(
    `listening on ${config.value.tls === null ? 'http' : 'https'}://${host}:${String(gateway.port)} with ${String(settings.value.workers)} workers ` +
      `as ${config.value.gateway.id} (${config.value.gateway.region}/${config.value.gateway.city})`,
  );
  process.on('SIGHUP', () => void gateway.reloadCertificate());
  onStop(async () => {
    log('stopping: closing connections and sending the last usage batch');
    await gateway.close();
  });
} else {
  const gateway = await runClusterWorker({ ...config.value, connectionLimits: share });
  // The primary relays SIGHUP as a certificate message; a worker ignores the signal itself (a terminal's
  // hang-up reaches the whole process group).
  process.on('SIGHUP', () => undefined);
  onStop(() => gateway.close());
}
