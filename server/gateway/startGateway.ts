import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { Server } from 'proxy-chain';
import { admission } from './admission';
import type { GatewayConfig, RunningGateway } from './config';
import { ConnectionLimits, clientKey, defaultConnectionLimits } from './connectionLimits';
import { CredentialCheck } from './credentialCheck';
import { DailyUsage } from './dailyUsage';
import { ConnectionMeter } from './meter';
import { OwnAddresses, systemOwnAddresses } from './ownAddresses';
import { principalKey } from './principal';
import { systemResolve } from './resolve';
import { selfSignedTls } from './tls';
import { UsageReporter } from './usageReporter';
import { utcDay } from './utcDay';

export const startGateway = async (config: GatewayConfig): Promise<RunningGateway> => {
  const now = config.now ?? Date.now;
  const log = config.log ?? (() => undefined);
  const usage = new DailyUsage();
  const reporter = new UsageReporter({
    gatewayId: config.gateway.id,
    report: config.reportUsage,
    intervalMs: config.reportIntervalMs ?? 10_000,
    retryBaseMs: config.retryBaseMs ?? 1_000,
    retryMaxMs: config.retryMaxMs ?? 60_000,
    onAcknowledged: ({ overLimitDeviceIds }) => {
      for (const deviceId of overLimitDeviceIds) usage.markExhausted(principalKey({ deviceId }), now());
    },
    onError: (error) =>
      log(`usage report not acknowledged, will retry: ${JSON.stringify(error) ?? String(error)}`),
    onDropped: (batch, error) =>
      log(
        `usage batch ${batch.batchId} refused for good (${error.substitutions?.join(' ') ?? error.code}), dropped: ${String(batch.entries.length)} entries`,
      ),
  });
  const tls = config.tls === 'self-signed' ? await selfSignedTls() : config.tls;
  const own = new OwnAddresses(config.ownAddresses ?? systemOwnAddresses, [
    config.host,
    ...(config.exitAddress === undefined ? [] : [config.exitAddress]),
  ]);
  const limits = new ConnectionLimits({ ...defaultConnectionLimits, ...config.connectionLimits }, now);
  const pendingTimeoutMs = config.pendingTimeoutMs ?? 20_000;
  const idleTimeoutMs = config.idleTimeoutMs ?? 5 * 60_000;
  // Every TCP connection, TLS handshakes included (proxy-chain only knows the ones past it), for close().
  const sockets = new Set<Socket>();
  // A TCP connection is named by its peer's address and port, the same on the raw and the TLS socket.
  const peerOf = (socket: Socket) => `${String(socket.remoteAddress)}|${String(socket.remotePort)}`;
  const authenticated = (request: IncomingMessage) => {
    limits.authenticated(peerOf(request.socket));
    request.socket.setTimeout(idleTimeoutMs);
  };

  const common = {
    host: config.host,
    port: config.port,
    authRealm: 'Rampart',
    prepareRequestFunction: admission({
      now,
      credentials: new CredentialCheck(config.publicKeys),
      usage,
      resolve: config.resolve ?? systemResolve,
      allowPrivateDestinations: config.allowPrivateDestinations === true,
      isOwnAddress: own.has,
      authenticated,
      blockedPorts: new Set(config.blockedPorts ?? [25]),
      gateway: config.gateway,
      exitAddress: config.exitAddress,
      // Requests arrive only after listen(), by which time the meter exists.
      charge: (connectionId, owner) => meter.assign(connectionId, owner),
    }),
  };
  const proxy =
    tls === null
      ? new Server(common)
      : new Server({
          ...common,
          serverType: 'https',
          httpsOptions: { ...tls, handshakeTimeout: pendingTimeoutMs },
        });
  const meter = new ConnectionMeter(
    (connectionId) => proxy.getConnectionStats(connectionId),
    (owner, uploadBytes, downloadBytes) => {
      const at = now();
      usage.add(owner.principal, uploadBytes + downloadBytes, at);
      const entry = { deviceId: owner.deviceId, accountId: owner.accountId, day: utcDay(at) };
      reporter.add(entry, uploadBytes, downloadBytes);
    },
  );

  // Every TCP connection is counted against its client's address before anything else is spent on it.
  proxy.server.on('connection', (socket: Socket) => {
    const peer = peerOf(socket);
    const refused = limits.accept(peer, clientKey(socket.remoteAddress));
    if (refused !== null) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      limits.closed(peer);
    });
  });
  proxy.server.on(tls === null ? 'connection' : 'secureConnection', (socket: Socket) => {
    if (socket.destroyed) return;
    // Interactive traffic: a small write (the CONNECT answer, a TLS record) must not wait for an ACK.
    socket.setNoDelay(true);
    // Until an authenticated request raises it to idleTimeoutMs; proxy-chain destroys a socket that times out.
    socket.setTimeout(pendingTimeoutMs);
  });
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
  own.start(config.ownAddressRefreshMs ?? 10_000);

  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    port: proxy.port,
    url: `${tls === null ? 'http' : 'https'}://${host}:${proxy.port}`,
    certificate: tls?.cert ?? null,
    connections: () => limits.stats(),
    flushUsage: () => {
      meter.sampleAll();
      return reporter.flush();
    },
    close: async () => {
      clearInterval(meterTimer);
      own.stop();
      const closing = proxy.close(true);
      for (const socket of sockets) socket.destroy();
      await closing;
      await reporter.close();
    },
  };
};
