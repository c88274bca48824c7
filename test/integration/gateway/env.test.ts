import { describe, expect, it } from 'vitest';
import { generateCredentialKeys, publicKeyToPem } from '../../../server/credentials';
import { gatewayConfigFromEnv, loopbackTestResolve } from '../../../server/gateway';

const keys = generateCredentialKeys();
const base = { CREDENTIAL_PUBLIC_KEY: publicKeyToPem(keys.publicKey) };

describe('gateway configuration from the environment', () => {
  it('defaults to TLS with a self-signed certificate, refusing private destinations', async () => {
    const config = await gatewayConfigFromEnv(base);
    if (!config.ok) throw new Error(config.error.code);
    expect(config.value).toMatchObject({
      host: '0.0.0.0',
      port: 8443,
      tls: 'self-signed',
      allowPrivateDestinations: false,
      gateway: { region: 'local', city: 'Local' },
    });
    expect([...config.value.publicKeys.keys()]).toEqual([keys.keyId]);
    expect(config.value.exitAddress).toBeUndefined();
    expect(config.value).toMatchObject({
      connectionLimits: {
        maxConnections: 8192,
        reservedForKnownClients: 1024,
        maxPerAddress: 1024,
        maxPendingPerAddress: 64,
      },
      pendingTimeoutMs: 20_000,
      idleTimeoutMs: 300_000,
    });
  });

  it('reads every switch', async () => {
    const config = await gatewayConfigFromEnv({
      ...base,
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: '0',
      GATEWAY_TLS: 'off',
      GATEWAY_ID: 'ams-1',
      GATEWAY_REGION: 'nl',
      GATEWAY_CITY: 'Amsterdam',
      EXIT_ADDRESS: '203.0.113.9',
      ALLOW_PRIVATE_DESTINATIONS: '1',
      RESOLVE_TEST_TO_LOOPBACK: 'true',
      USAGE_REPORT_INTERVAL_MS: '5000',
      GATEWAY_MAX_CONNECTIONS: '4000',
      GATEWAY_RESERVED_CONNECTIONS: '0',
      GATEWAY_MAX_CONNECTIONS_PER_ADDRESS: '300',
      GATEWAY_MAX_PENDING_PER_ADDRESS: '30',
      GATEWAY_PENDING_TIMEOUT_MS: '10000',
      GATEWAY_IDLE_TIMEOUT_MS: '60000',
    });
    if (!config.ok) throw new Error(config.error.code);
    expect(config.value).toMatchObject({
      host: '127.0.0.1',
      port: 0,
      tls: null,
      exitAddress: '203.0.113.9',
      allowPrivateDestinations: true,
      reportIntervalMs: 5000,
      gateway: { id: 'ams-1', region: 'nl', city: 'Amsterdam' },
      connectionLimits: {
        maxConnections: 4000,
        reservedForKnownClients: 0,
        maxPerAddress: 300,
        maxPendingPerAddress: 30,
      },
      pendingTimeoutMs: 10_000,
      idleTimeoutMs: 60_000,
    });
    expect(config.value.resolve).toBe(loopbackTestResolve);
  });

  it('refuses to start without public keys or with a bad port', async () => {
    const noKeys = await gatewayConfigFromEnv({});
    expect(!noKeys.ok && noKeys.error.code).toBe('credential-key-missing');
    const badPort = await gatewayConfigFromEnv({ ...base, GATEWAY_PORT: 'eighty' });
    expect(!badPort.ok && badPort.error.code).toBe('gateway-config-invalid');
    const badCap = await gatewayConfigFromEnv({ ...base, GATEWAY_MAX_PENDING_PER_ADDRESS: '0' });
    expect(!badCap.ok && badCap.error.code).toBe('gateway-config-invalid');
    const noRoom = await gatewayConfigFromEnv({
      ...base,
      GATEWAY_MAX_CONNECTIONS: '100',
      GATEWAY_RESERVED_CONNECTIONS: '100',
    });
    expect(!noRoom.ok && noRoom.error.code).toBe('gateway-config-invalid');
  });
});
