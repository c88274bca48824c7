import { sign, verify, type KeyObject } from 'node:crypto';
import {
  proxyCredentialPayloadSchema,
  type ProxyCredentialInput,
  type ProxyCredentialPayload,
} from '../../src/api/proxyCredential';
import { appError, err, ok, type Result } from '../../src/result';
import { keyIdOf, type PublicKeySet } from './keys';

// Token = base64url(JSON payload) "." base64url(Ed25519 signature over the first part's ASCII bytes).
// Signing the encoded text (not re-serialised JSON) means any change to the payload text breaks the signature,
// and a gateway verifies with one public key and no database call.

/** Tolerated clock difference between the account service and a gateway. */
const CLOCK_SKEW_MS = 60_000;
/** Far above a real token (~350 characters); bounds the work an attacker can cause per request. */
const MAX_TOKEN_LENGTH = 2048;
const ED25519_SIGNATURE_BYTES = 64;
const base64url = /^[A-Za-z0-9_-]+$/;

export type CredentialErrorCode =
  | 'credential-malformed'
  | 'credential-unknown-key'
  | 'credential-bad-signature'
  | 'credential-expired'
  | 'credential-not-yet-valid';

const refuse = (code: CredentialErrorCode) => err(appError(code, 'errorProxyCredential'));

/**
 * Signs a credential. Throws on an invalid payload or a key that does not match `payload.keyId`: both are
 * programming errors in the caller, not conditions to report to a user.
 */
export const signProxyCredential = (payload: ProxyCredentialInput, privateKey: KeyObject): string => {
  const parsed = proxyCredentialPayloadSchema.parse(payload);
  if (keyIdOf(privateKey) !== parsed.keyId) throw new Error('payload.keyId does not name this private key');
  const encoded = Buffer.from(JSON.stringify(parsed)).toString('base64url');
  const signature = sign(null, Buffer.from(encoded, 'ascii'), privateKey).toString('base64url');
  return `${encoded}.${signature}`;
};

const decodeJson = (encoded: string): unknown => {
  try {
    return JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
};

export const verifyProxyCredential = (
  token: string,
  publicKeys: PublicKeySet,
  now: number,
): Result<ProxyCredentialPayload> => {
  if (token.length > MAX_TOKEN_LENGTH) return refuse('credential-malformed');
  const parts = token.split('.');
  const [encoded, encodedSignature] = parts;
  if (parts.length !== 2 || encoded === undefined || encodedSignature === undefined)
    return refuse('credential-malformed');
  if (!base64url.test(encoded) || !base64url.test(encodedSignature)) return refuse('credential-malformed');

  const signature = Buffer.from(encodedSignature, 'base64url');
  // Only the canonical encoding of a 64-byte signature is accepted, so one credential has one spelling.
  if (signature.length !== ED25519_SIGNATURE_BYTES || signature.toString('base64url') !== encodedSignature) {
    return refuse('credential-malformed');
  }
  const parsed = proxyCredentialPayloadSchema.safeParse(decodeJson(encoded));
  if (!parsed.success) return refuse('credential-malformed');
  const payload = parsed.data;

  const key = publicKeys.get(payload.keyId);
  if (key === undefined) return refuse('credential-unknown-key');
  if (!verify(null, Buffer.from(encoded, 'ascii'), key, signature)) return refuse('credential-bad-signature');

  if (now >= payload.expiresAt) return refuse('credential-expired');
  if (payload.issuedAt > now + CLOCK_SKEW_MS) return refuse('credential-not-yet-valid');
  return ok(payload);
};
