// Entry point of one gateway process: `npm run gateway` (configuration from the environment, see docs/gateway.md).
import { gatewayConfigFromEnv } from './env';
import { startGateway } from './startGateway';

const log = (line: string) => console.log(`[gateway] ${line}`);

const config = await gatewayConfigFromEnv(process.env);
if (!config.ok) {
  console.error(
    `[gateway] cannot start: ${config.error.code} ${config.error.substitutions?.join(' ') ?? ''}`,
  );
  process.exit(1);
}
if (config.value.tls === 'self-signed')
  log('no GATEWAY_TLS_KEY_FILE/GATEWAY_TLS_CERT_FILE: using a self-signed certificate');
if (config.value.allowPrivateDestinations === true) log('ALLOW_PRIVATE_DESTINATIONS is on: for tests only');
if ((process.env['GATEWAY_SECRET'] ?? '') === '')
  log('GATEWAY_SECRET is empty: the account service will refuse usage reports');

const gateway = await startGateway({ ...config.value, log });
const limits = config.value.connectionLimits;
log(
  `limits: ${String(limits?.maxConnections)} connections (${String(limits?.reservedForKnownClients)} kept for clients that authenticated), ` +
    `${String(limits?.maxPerAddress)} per client address of which ${String(limits?.maxPendingPerAddress)} before authenticating; ` +
    `idle timeout ${String(config.value.idleTimeoutMs)} ms (${String(config.value.pendingTimeoutMs)} ms before authenticating)`,
);
log(
  `listening on ${gateway.url} as ${config.value.gateway.id} (${config.value.gateway.region}/${config.value.gateway.city})`,
);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  log('stopping: closing connections and sending the last usage batch');
  await gateway.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
