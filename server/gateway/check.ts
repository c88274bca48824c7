import http from 'node:http';
import type { CustomResponse } from 'proxy-chain';
import type { GatewayCheckResponse, ProxyCredentialPayload } from '../../src/api/proxyCredential';
import { nextUtcMidnight } from './utcDay';

export interface CheckInput {
  credential: ProxyCredentialPayload;
  exitAddress: string;
  gateway: GatewayCheckResponse['gateway'];
  usedBytes: number;
  now: number;
}

export const checkResponse = ({
  credential,
  exitAddress,
  gateway,
  usedBytes,
  now,
}: CheckInput): GatewayCheckResponse => ({
  exitAddress,
  gateway,
  device: { deviceId: credential.deviceId, accountId: credential.accountId, tier: credential.tier },
  usage: {
    usedBytes,
    dailyLimitBytes: credential.dailyLimitBytes,
    limitReached: credential.dailyLimitBytes !== null && usedBytes >= credential.dailyLimitBytes,
    resetsAt: nextUtcMidnight(now).toISOString(),
  },
  credentialExpiresAt: credential.expiresAt,
});

const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

/** The answer to `GET http://check.rampart.internal/` sent through the proxy (absolute-form request). */
export const checkHttpResponse = (body: () => GatewayCheckResponse): CustomResponse => ({
  statusCode: 200,
  headers,
  body: JSON.stringify(body()),
});

/**
 * The answer when a client tunnels to the check host (CONNECT check.rampart.internal:80, as undici's
 * ProxyAgent does even for http URLs): a throwaway HTTP server that proxy-chain hands the tunnel to.
 */
export const checkTunnelServer = (body: () => GatewayCheckResponse): http.Server =>
  http.createServer((_request, response) => {
    response.writeHead(200, headers).end(JSON.stringify(body()));
  });

/** `::ffff:127.0.0.1` is how Node reports an IPv4 peer on a dual-stack socket; people expect `127.0.0.1`. */
export const plainAddress = (address: string | undefined): string =>
  address === undefined ? 'unknown' : address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
