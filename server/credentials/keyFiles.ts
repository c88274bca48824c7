import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appError, err, ok, type Result } from '../../src/result';
import { generateCredentialKeys, type CredentialKeys, type PublicKeySet } from './keys';
import { privateKeyToPem, publicKeyToPem, readPublicKeysPem, readSigningKeyPem } from './pem';

export const PRIVATE_KEY_FILE = 'credential-private.pem';
export const PUBLIC_KEY_FILE = 'credential-public.pem';

type Env = Readonly<Record<string, string | undefined>>;

const readText = async (path: string): Promise<string | undefined> => {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** Writes the pair into `dir`; the private key is readable by its owner only. */
export const saveCredentialKeys = async (keys: CredentialKeys, dir: string): Promise<void> => {
  await mkdir(dir, { recursive: true });
  const privatePath = join(dir, PRIVATE_KEY_FILE);
  await writeFile(privatePath, privateKeyToPem(keys), { mode: 0o600 });
  await chmod(privatePath, 0o600);
  await writeFile(join(dir, PUBLIC_KEY_FILE), publicKeyToPem(keys.publicKey));
};

/** Development convenience: the first run creates a pair in the data folder, later runs reuse it. */
export const loadOrCreateCredentialKeys = async (dir: string): Promise<Result<CredentialKeys>> => {
  const pem = await readText(join(dir, PRIVATE_KEY_FILE));
  if (pem !== undefined) return readSigningKeyPem(pem);
  const keys = generateCredentialKeys();
  await saveCredentialKeys(keys, dir);
  return ok(keys);
};

/** Account service: `CREDENTIAL_PRIVATE_KEY` (PEM text) or `CREDENTIAL_PRIVATE_KEY_FILE` (path). */
export const loadSigningKeyFromEnv = async (env: Env): Promise<Result<CredentialKeys>> => {
  const pem = env['CREDENTIAL_PRIVATE_KEY'] ?? (await readOptionalFile(env['CREDENTIAL_PRIVATE_KEY_FILE']));
  if (pem === undefined)
    return err(appError('credential-key-missing', 'errorCredentialKey', ['CREDENTIAL_PRIVATE_KEY_FILE']));
  return readSigningKeyPem(pem);
};

/** Gateway: `CREDENTIAL_PUBLIC_KEY` (PEM text) or `CREDENTIAL_PUBLIC_KEY_FILE` (path); either may hold several keys. */
export const loadPublicKeysFromEnv = async (env: Env): Promise<Result<PublicKeySet>> => {
  const pem = env['CREDENTIAL_PUBLIC_KEY'] ?? (await readOptionalFile(env['CREDENTIAL_PUBLIC_KEY_FILE']));
  if (pem === undefined)
    return err(appError('credential-key-missing', 'errorCredentialKey', ['CREDENTIAL_PUBLIC_KEY_FILE']));
  return readPublicKeysPem(pem);
};

const readOptionalFile = async (path: string | undefined): Promise<string | undefined> =>
  path === undefined || path === '' ? undefined : readText(path);
