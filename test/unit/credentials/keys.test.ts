import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newProxyCredentialPayload } from '../../../src/api/proxyCredential';
import {
  generateCredentialKeys,
  loadOrCreateCredentialKeys,
  loadPublicKeysFromEnv,
  loadSigningKeyFromEnv,
  privateKeyToPem,
  publicKeyToPem,
  PRIVATE_KEY_FILE,
  PUBLIC_KEY_FILE,
  signProxyCredential,
  verifyProxyCredential,
} from '../../../server/credentials';

const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'rampart-keys-'));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('credential keys', () => {
  it('derives a stable key id from the key', () => {
    const keys = generateCredentialKeys();
    expect(keys.keyId).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(generateCredentialKeys().keyId).not.toBe(keys.keyId);
  });

  it('creates a pair once in a folder and reuses it, private key owner-only', async () => {
    const dir = await tempDir();
    const first = await loadOrCreateCredentialKeys(dir);
    const second = await loadOrCreateCredentialKeys(dir);
    expect(first.ok && second.ok && first.value.keyId === second.value.keyId).toBe(true);
    expect((await stat(join(dir, PRIVATE_KEY_FILE))).mode & 0o777).toBe(0o600);
  });

  it('loads the signing key and the public keys from files named in env, and they work together', async () => {
    const dir = await tempDir();
    const created = await loadOrCreateCredentialKeys(dir);
    const signing = await loadSigningKeyFromEnv({ CREDENTIAL_PRIVATE_KEY_FILE: join(dir, PRIVATE_KEY_FILE) });
    const publicKeys = await loadPublicKeysFromEnv({
      CREDENTIAL_PUBLIC_KEY_FILE: join(dir, PUBLIC_KEY_FILE),
    });
    if (!created.ok || !signing.ok || !publicKeys.ok) throw new Error('keys did not load');
    expect(signing.value.keyId).toBe(created.value.keyId);
    const now = Date.now();
    const token = signProxyCredential(
      newProxyCredentialPayload(
        { deviceId: 'd', accountId: null, tier: 'anonymous', dailyLimitBytes: 1, keyId: signing.value.keyId },
        now,
      ),
      signing.value.privateKey,
    );
    expect(verifyProxyCredential(token, publicKeys.value, now).ok).toBe(true);
  });

  it('reads PEM text from env, with escaped newlines and several public keys', async () => {
    const a = generateCredentialKeys();
    const b = generateCredentialKeys();
    const oneLine = (pem: string) => pem.replace(/\n/g, '\\n');
    const signing = await loadSigningKeyFromEnv({ CREDENTIAL_PRIVATE_KEY: oneLine(privateKeyToPem(a)) });
    const publicKeys = await loadPublicKeysFromEnv({
      CREDENTIAL_PUBLIC_KEY: publicKeyToPem(a.publicKey) + publicKeyToPem(b.publicKey),
    });
    expect(signing.ok && signing.value.keyId).toBe(a.keyId);
    expect(publicKeys.ok && [...publicKeys.value.keys()].sort()).toEqual([a.keyId, b.keyId].sort());
  });

  it('reports missing or unreadable keys', async () => {
    const missing = await loadPublicKeysFromEnv({});
    expect(!missing.ok && missing.error.code).toBe('credential-key-missing');
    const garbage = await loadPublicKeysFromEnv({ CREDENTIAL_PUBLIC_KEY: 'hello' });
    expect(!garbage.ok && garbage.error.code).toBe('credential-key-unreadable');
    const rsa = await loadSigningKeyFromEnv({ CREDENTIAL_PRIVATE_KEY: 'not a key' });
    expect(!rsa.ok && rsa.error.code).toBe('credential-key-unreadable');
  });
});
