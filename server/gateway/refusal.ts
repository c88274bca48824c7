import { RequestError } from 'proxy-chain';
import {
  GATEWAY_REASON_HEADER,
  GATEWAY_RESET_HEADER,
  type GatewayRefusalReason,
} from '../../src/api/proxyCredential';

const statusOf: Record<GatewayRefusalReason, number> = {
  'credential-missing': 407,
  'credential-invalid': 407,
  'credential-expired': 407,
  'daily-limit': 429,
  'destination-forbidden': 403,
  'destination-unreachable': 502,
};

const messageOf: Record<GatewayRefusalReason, string> = {
  'credential-missing': 'Rampart gateway: proxy credentials required.',
  'credential-invalid': 'Rampart gateway: the proxy credential is not valid.',
  'credential-expired': 'Rampart gateway: the proxy credential has expired; renew it.',
  'daily-limit': "Rampart gateway: today's traffic allowance is used up.",
  'destination-forbidden': 'Rampart gateway: this destination is not reachable through the VPN.',
  'destination-unreachable': 'Rampart gateway: the destination does not resolve.',
};

/**
 * proxy-chain answers a RequestError thrown from `prepareRequestFunction` with its status, headers and message
 * and closes the connection, so every refusal carries a machine-readable reason for the extension.
 */
export const refusal = (reason: GatewayRefusalReason, resetsAt?: Date, now = Date.now()): RequestError => {
  const headers: Record<string, string> = { [GATEWAY_REASON_HEADER]: reason };
  if (resetsAt !== undefined) {
    headers[GATEWAY_RESET_HEADER] = resetsAt.toISOString();
    headers['retry-after'] = String(Math.max(1, Math.ceil((resetsAt.getTime() - now) / 1000)));
  }
  return new RequestError(messageOf[reason], statusOf[reason], headers);
};
