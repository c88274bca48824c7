import type { ProxyCredentialPayload } from '../../src/api/proxyCredential';

/** Who traffic is charged to: the account when the device is linked to one, the device otherwise. */
export const principalKey = (credential: Pick<ProxyCredentialPayload, 'accountId' | 'deviceId'>): string =>
  credential.accountId !== null ? `account:${credential.accountId}` : `device:${credential.deviceId}`;
