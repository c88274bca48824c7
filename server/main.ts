// Entry point of the account service: configuration from the environment, then listen and say where.
import { join } from 'node:path';
import { buildApp } from './app';
import { loadConfig } from './config';
import { loadOrCreateCredentialKeys, loadSigningKeyFromEnv, type CredentialKeys } from './credentials';

async function signingKeys(
  env: NodeJS.ProcessEnv,
  production: boolean,
  dataDir: string,
): Promise<CredentialKeys> {
  const fromEnv = await loadSigningKeyFromEnv(env);
  if (fromEnv.ok) return fromEnv.value;
  if (fromEnv.error.code !== 'credential-key-missing' || production) {
    throw new Error(
      `proxy credential key: ${fromEnv.error.code} (set CREDENTIAL_PRIVATE_KEY or CREDENTIAL_PRIVATE_KEY_FILE)`,
    );
  }
  // Development: a pair kept next to the data, so a local gateway can be pointed at the public half.
  const created = await loadOrCreateCredentialKeys(dataDir);
  if (!created.ok) throw new Error(`proxy credential key: ${created.error.code}`);
  return created.value;
}

const config = loadConfig();
const keysDir = process.env.RAMPART_KEYS_DIR ?? join('.data', 'keys');
const app = await buildApp(config, {
  credentialKeys: await signingKeys(process.env, config.production, keysDir),
});
const address = await app.listen();
console.log(`Rampart account service listening on ${address} (API under ${address}/api/v1)`);
console.log(
  `Database: ${config.database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.database.dataDir}`}`,
);
if (!config.production && config.smtpUrl === null)
  console.log(`Mail goes to the dev outbox: ${address}/dev/outbox`);

const stop = () => {
  void app.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
