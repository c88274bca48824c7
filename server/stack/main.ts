// `npm start`: the account service, its portal and one local gateway on the embedded database.
import { join, resolve } from 'node:path';
import { loadConfig } from '../config';
import { loadOrCreateCredentialKeys } from '../credentials';
import { startLocalStack } from './localStack';

const config = loadConfig();
const keys = await loadOrCreateCredentialKeys(process.env.RAMPART_KEYS_DIR ?? join('.data', 'keys'));
if (!keys.ok) throw new Error(`proxy credential key: ${keys.error.code}`);

const gatewayPort = Number(process.env.GATEWAY_PORT ?? 8443);
const stack = await startLocalStack({
  config: { ...config, logger: process.env.LOG === 'true' },
  credentialKeys: keys.value,
  gateway: {
    host: '127.0.0.1',
    port: gatewayPort,
    region: 'local',
    // Not a country: the extension shows the city alone ("Local gateway"), never the bare region code.
    city: 'Local gateway',
    tls: 'self-signed',
  },
});

console.log(`
Rampart is running.
  My Rampart portal and API:  ${stack.serviceUrl}   (API under ${stack.serviceUrl}/api/v1)
  Development mail outbox:    ${stack.serviceUrl}/dev/outbox
  VPN gateway (TLS):          ${stack.gateway.url}
  Database:                   ${config.database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${resolve(config.database.dataDir)}`}

Load the extension:
  Chrome:  chrome://extensions → Developer mode → "Load unpacked" → ${resolve('dist')}
  Firefox: about:debugging#/runtime/this-firefox → "Load Temporary Add-on" → ${resolve('dist-firefox', 'manifest.json')}

The local gateway uses a self-signed certificate. To let Chrome use it as the VPN, start Chrome with
  --ignore-certificate-errors-spki-list=${stack.gateway.spki ?? ''}
Stop with Ctrl+C.`);

// Ctrl+C reaches this process twice (SIGINT from the terminal, SIGTERM from `npm start`): close once.
let closing: Promise<void> | undefined;
const stop = () => {
  closing ??= stack.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
