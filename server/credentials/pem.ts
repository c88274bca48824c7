import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { appError, err, ok, type Result } from '../../src/result';
import { credentialKeysFromPrivateKey, publicKeySetOf, type CredentialKeys, type PublicKeySet } from './keys';

// Keys travel as PEM: PKCS#8 for the private key, SPKI for public keys. Env variables often carry PEM with
// literal "\n" sequences (one-line secrets), so those are turned back into newlines first.
const normalise = (pem: string): string => pem.replace(/\\n/g, '\n').trim();

export const privateKeyToPem = (keys: CredentialKeys): string =>
  keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

export const publicKeyToPem = (key: KeyObject): string =>
  key.export({ type: 'spki', format: 'pem' }).toString();

export const readSigningKeyPem = (pem: string): Result<CredentialKeys> => {
  try {
    return credentialKeysFromPrivateKey(createPrivateKey(normalise(pem)));
  } catch {
    return err(appError('credential-key-unreadable', 'errorCredentialKey'));
  }
};

const publicBlock = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g;

/** One or more SPKI PEM blocks (during a rotation the file holds the old and the new key). */
export const readPublicKeysPem = (pem: string): Result<PublicKeySet> => {
  const blocks = normalise(pem).match(publicBlock) ?? [];
  if (blocks.length === 0) return err(appError('credential-key-unreadable', 'errorCredentialKey'));
  const keys: KeyObject[] = [];
  for (const block of blocks) {
    let key: KeyObject;
    try {
      key = createPublicKey(block);
    } catch {
      return err(appError('credential-key-unreadable', 'errorCredentialKey'));
    }
    if (key.asymmetricKeyType !== 'ed25519')
      return err(appError('credential-key-not-ed25519', 'errorCredentialKey'));
    keys.push(key);
  }
  return ok(publicKeySetOf(...keys));
};
