// Proxy credentials: the account service signs them, gateways verify them offline.
// The browser presents one as Basic proxy auth: username = device id (or "rampart"), password = the token.
export { generateCredentialKeys, keyIdOf, publicKeySetOf, credentialKeysFromPrivateKey } from './keys';
export type { CredentialKeys, PublicKeySet } from './keys';
export { privateKeyToPem, publicKeyToPem, readPublicKeysPem, readSigningKeyPem } from './pem';
export {
  loadOrCreateCredentialKeys,
  loadPublicKeysFromEnv,
  loadSigningKeyFromEnv,
  saveCredentialKeys,
  PRIVATE_KEY_FILE,
  PUBLIC_KEY_FILE,
} from './keyFiles';
export { signProxyCredential, verifyProxyCredential } from './token';
export type { CredentialErrorCode } from './token';
