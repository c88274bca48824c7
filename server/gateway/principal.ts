import type { ProxyCredentialPayload } from '../../src/api/proxyCredential';

/**
 * Whose daily allowance traffic counts against: the device's. The account service keeps usage per device and
 * day and signs `usedBytesAtIssue` for that device, so the gateway keys its own count the same way for the two
 * to add up. Reports still carry the account id, so the service can also total an account.
 */
export const principalKey = (credential: Pick<ProxyCredentialPayload, 'deviceId'>): string =>
  `device:${credential.deviceId}`;
