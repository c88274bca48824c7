import type dns from 'node:dns';
import type { Socket } from 'node:net';
import { Server, type PrepareRequestFunction, type PrepareRequestFunctionResult } from 'proxy-chain';
import { GATEWAY_CHECK_HOST, type ProxyCredentialPayload } from '../../src/api/proxyCredential';
import { checkHttpResponse, checkResponse, checkTunnelServer, plainAddress } from './check';
import type { GatewayConfig, RunningGateway } from './config';
import { CredentialCheck } from './credentialCheck';
import { DailyUsage } from './dailyUsage';
import { checkDestination } from './destination';
import { ConnectionMeter, type Owner } from './meter';
import { principalKey } from './principal';
import { refusal } from './refusal';
import { systemResolve } from './resolve';
import { selfSignedTls } from './tls';
import { UsageReporter } from './usageReporter';
import { nextUtcMidnight, utcDay } from './utcDay';

const ownerOf = (credential: ProxyCredentialPayload): Owner => ({
  principal: principalKey(credential),
  deviceId: credential.deviceId,
  accountId: credential.accountId,
});

export const startGateway = async (config: GatewayConfig): Promise<RunningGateway> => {
  const now = config.now ?? Date.now;
  const log = config.log ?? (() => undefined);
  const resolve = config.resolve ?? systemResolve;
  const blockedPorts = new Set(config.blockedPorts ?? [25]);
  const credentials = new CredentialCheck(config.publicKeys);
  const usage = new DailyUsage();
  const reporter = new UsageReporter({
    gatewayId: config.gateway.id,
    report: config.reportUsage,
    intervalMs: config.reportIntervalMs ?? 10_000,
    retryBaseMs: config.retryBaseMs ?? 1_000,
    retryMaxMs: config.retryMaxMs ?? 60_000,
    onError: (error) =>
      log(`usage report not acknowledged, will retry: ${JSON.stringify(error) ?? String(error)}`),
  });

  const tls = config.tls === 'self-signed' ? await selfSignedTls() : config.tls;

  const prepareRequest: PrepareRequestFunction = async ({
    connectionId,
    request,
    password,
    hostname,
    port,
    isHttp,
  }) => {
    const at = now();
    const verified = credentials.check(password, at);
    if (!verified.ok) throw refusal(verified.error);
    const credential = verified.value;
    usage.observeCredential(credential, at);

    if (hostname.toLowerCase() === GATEWAY_CHECK_HOST) {
      // The check stays available at the limit (it is how the extension learns when the allowance resets),
      // and a dedicated connection for it is not charged: the popup polls it, the user did not ask for it.
      const body = () =>
        checkResponse({
          credential,
          exitAddress: config.exitAddress ?? plainAddress(request.socket.localAddress),
          gateway: config.gateway,
          usedBytes: usage.used(principalKey(credential), now()),
          now: now(),
        });
      return isHttp
        ? { customResponseFunction: () => checkHttpResponse(body) }
        : { customConnectServer: checkTunnelServer(body) };
    }

    if (
      credential.dailyLimitBytes !== null &&
      usage.used(principalKey(credential), at) >= credential.dailyLimitBytes
    ) {
      throw refusal('daily-limit', nextUtcMidnight(at), at);
    }
    if (blockedPorts.has(port)) throw refusal('destination-forbidden');
    const verdict = await checkDestination(hostname, {
      resolve,
      allowPrivate: config.allowPrivateDestinations === true,
    });
    if (!verdict.ok) throw refusal(verdict.reason);

    meter.assign(connectionId, ownerOf(credential));
    const result: PrepareRequestFunctionResult = {};
    if (verdict.lookup !== undefined) result.dnsLookup = verdict.lookup as typeof dns.lookup;
    return result;
  };

  const common = {
    host: config.host,
    port: config.port,
    prepareRequestFunction: prepareRequest,
    authRealm: 'Rampart',
  };
  const proxy =
    tls === null ? new Server(common) : new Server({ ...common, serverType: 'https', httpsOptions: tls });

  const meter = new ConnectionMeter(
    (connectionId) => proxy.getConnectionStats(connectionId),
    (owner, uploadBytes, downloadBytes) => {
      const at = now();
      usage.add(owner.principal, uploadBytes + downloadBytes, at);
      reporter.add(
        { deviceId: owner.deviceId, accountId: owner.accountId, day: utcDay(at) },
        uploadBytes,
        downloadBytes,
      );
    },
  );
  // Interactive traffic: a small write (the CONNECT answer, a TLS record) must not wait for an ACK.
  proxy.server.on(tls === null ? 'connection' : 'secureConnection', (socket: Socket) =>
    socket.setNoDelay(true),
  );
  proxy.on('connectionClosed', ({ connectionId, stats }) => meter.closed(connectionId, stats));
  proxy.on('requestFailed', ({ error }: { error: unknown }) => log(`request failed: ${String(error)}`));
  await proxy.listen();

  // Long tunnels are metered while open, and cut once their principal's allowance is used up.
  const meterTimer = setInterval(() => {
    meter.sampleAll();
    const at = now();
    for (const principal of usage.exhausted(at)) {
      for (const connectionId of meter.connectionsOf(principal)) proxy.closeConnection(connectionId);
    }
    usage.prune(at);
  }, config.meterIntervalMs ?? 1_000);
  meterTimer.unref();
  reporter.start();

  const scheme = tls === null ? 'http' : 'https';
  return {
    port: proxy.port,
    url: `${scheme}://${config.host.includes(':') ? `[${config.host}]` : config.host}:${proxy.port}`,
    certificate: tls?.cert ?? null,
    flushUsage: () => {
      meter.sampleAll();
      return reporter.flush();
    },
    close: async () => {
      clearInterval(meterTimer);
      await proxy.close(true);
      meter.sampleAll();
      await reporter.close();
    },
  };
};
