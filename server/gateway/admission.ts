import type dns from 'node:dns';
import type { Socket } from 'node:net';
import { RequestError, type PrepareRequestFunctionResult } from 'proxy-chain';
import type { IpAddress } from '../../src/net';
import {
  GATEWAY_CHECK_HOST,
  type GatewayRefusalReason,
  type ProxyCredentialPayload,
} from '../../src/api/proxyCredential';
import { checkHttpResponse, checkResponse, checkTunnelServer, plainAddress } from './check';
import type { GatewayIdentity } from './config';
import type { CredentialCheck } from './credentialCheck';
import type { DailyUsage } from './dailyUsage';
import { checkDestination } from './destination';
import type { Owner } from './meter';
import { principalKey } from './principal';
import { refusal } from './refusal';
import { malformedRequest, stripHopByHop, type RequestShape } from './requestShape';
import type { Resolve } from './resolve';
import { nextUtcMidnight } from './utcDay';

export interface AdmissionDeps {
  now: () => number;
  credentials: CredentialCheck;
  usage: DailyUsage;
  /** Every request's verified credential, for the usage sink (cluster: the primary's view of limits). */
  credentialSeen: (credential: ProxyCredentialPayload) => void;
  /** A request was refused for its credential (metrics). */
  credentialRefused: (reason: GatewayRefusalReason) => void;
  resolve: Resolve;
  allowPrivateDestinations: boolean;
  /** The gateway's own interface addresses, refused like private ones. */
  isOwnAddress: (address: IpAddress) => boolean;
  blockedPorts: ReadonlySet<number>;
  gateway: GatewayIdentity;
  exitAddress: string | undefined;
  /** From here on, the connection's bytes are charged to `owner`. */
  charge: (connectionId: number, owner: Owner) => void;
  /** The request's connection carried a valid credential (connection limits, idle timeout). */
  authenticated: (request: AdmissionRequest) => void;
}

/** A request as both paths see it: HTTP/1.1 (proxy-chain's `IncomingMessage`) and an HTTP/2 stream's. */
export type AdmissionRequest = RequestShape & { socket: Socket };

/** proxy-chain's `prepareRequestFunction` options, which the HTTP/2 path builds the same way. */
export interface AdmissionInput {
  connectionId: number;
  request: AdmissionRequest;
  password: string;
  hostname: string;
  port: number;
  isHttp: boolean;
}

const ownerOf = (credential: ProxyCredentialPayload): Owner => ({
  principal: principalKey(credential),
  deviceId: credential.deviceId,
  accountId: credential.accountId,
});

/**
 * Decides every request before proxy-chain touches the destination, cheapest checks first: the request's shape
 * (400), the credential, the gateway's own check host, the daily allowance, then the destination. A refusal is thrown as a
 * RequestError, which proxy-chain sends as the response.
 */
export const admission =
  (deps: AdmissionDeps) =>
  async ({
    connectionId,
    request,
    password,
    hostname,
    port,
    isHttp,
  }: AdmissionInput): Promise<PrepareRequestFunctionResult> => {
    const malformed = malformedRequest(request, isHttp);
    if (malformed !== null) throw new RequestError(`Rampart gateway: ${malformed}.`, 400);
    const at = deps.now();
    const verified = deps.credentials.check(password, at);
    if (!verified.ok) {
      deps.credentialRefused(verified.error);
      throw refusal(verified.error);
    }
    const credential = verified.value;
    deps.usage.observeCredential(credential, at);
    deps.credentialSeen(credential);
    deps.authenticated(request);

    if (hostname.toLowerCase() === GATEWAY_CHECK_HOST) {
      // The check stays available at the limit (it is how the extension learns when the allowance resets),
      // and a dedicated connection for it is not charged: the popup polls it, the user did not ask for it.
      const body = () =>
        checkResponse({
          credential,
          exitAddress: deps.exitAddress ?? plainAddress(request.socket.localAddress),
          gateway: deps.gateway,
          usedBytes: deps.usage.used(principalKey(credential), deps.now()),
          now: deps.now(),
        });
      return isHttp
        ? { customResponseFunction: () => checkHttpResponse(body) }
        : { customConnectServer: checkTunnelServer(body) };
    }

    if (deps.usage.isExhausted(principalKey(credential), credential.dailyLimitBytes, at)) {
      throw refusal('daily-limit', nextUtcMidnight(at), at);
    }
    if (deps.blockedPorts.has(port)) throw refusal('destination-forbidden');
    const verdict = await checkDestination(hostname, {
      resolve: deps.resolve,
      allowPrivate: deps.allowPrivateDestinations,
      isOwnAddress: deps.isOwnAddress,
    });
    if (!verdict.ok) throw refusal(verdict.reason);

    deps.charge(connectionId, ownerOf(credential));
    if (isHttp) stripHopByHop(request);
    const result: PrepareRequestFunctionResult = {};
    if (verdict.lookup !== undefined) result.dnsLookup = verdict.lookup as typeof dns.lookup;
    return result;
  };
