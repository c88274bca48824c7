import { signProxyCredential, type CredentialKeys } from '../credentials';
import type { ProxyCredentialInput } from '../../src/api/proxyCredential';

/**
 * Signs proxy credentials (Ed25519, verified offline by gateways). Injected into the VPN service so that it
 * knows nothing of key handling; `keyId` names the key inside every payload.
 */
export interface ProxyCredentialSigner {
  keyId: string;
  sign(payload: ProxyCredentialInput): string;
}

export const credentialSigner = (keys: CredentialKeys): ProxyCredentialSigner => ({
  keyId: keys.keyId,
  sign: (payload) => signProxyCredential(payload, keys.privateKey),
});
