import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { appError, err, ok, type Result } from '../../src/result';

/** The account service's signing key; `keyId` goes into every credential so gateways pick the right public key. */
export interface CredentialKeys {
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** Gateways trust every key in the set, which lets the service rotate keys without a flag day. */
export type PublicKeySet = ReadonlyMap<string, KeyObject>;

// A key id derived from the key itself needs no configuration and cannot drift from the key it names.
const keyIdCache = new WeakMap<KeyObject, string>();
export const keyIdOf = (key: KeyObject): string => {
  const cached = keyIdCache.get(key);
  if (cached !== undefined) return cached;
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const keyId = createHash('sha256').update(spki).digest().subarray(0, 9).toString('base64url');
  keyIdCache.set(key, keyId);
  return keyId;
};

export const generateCredentialKeys = (): CredentialKeys => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { keyId: keyIdOf(publicKey), privateKey, publicKey };
};

export const credentialKeysFromPrivateKey = (privateKey: KeyObject): Result<CredentialKeys> => {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    return err(appError('credential-key-not-ed25519', 'errorCredentialKey'));
  }
  const publicKey = createPublicKey(privateKey);
  return ok({ keyId: keyIdOf(publicKey), privateKey, publicKey });
};

export const publicKeySetOf = (...keys: KeyObject[]): PublicKeySet =>
  new Map(keys.map((key) => [keyIdOf(key), key.type === 'private' ? createPublicKey(key) : key]));
