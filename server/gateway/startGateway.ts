import type { Server as NetServer, Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { Server as TlsServer, TLSSocket } from 'node:tls';
import { Server } from 'proxy-chain';
import { admission, type AdmissionRequest } from './admission';
import type { GatewayConfig, RunningGateway } from './config';
import { ConnectionLimits, clientKey, connectionLimitsFrom } from './connectionLimits';
import { CredentialCheck } from './credentialCheck';
import { DailyUsage } from './dailyUsage';
import { Http2Proxy } from './http2Proxy';
import { ConnectionMeter } from './meter';
import { createGatewayMetrics, usageBatchesDroppedCounter } from './metrics';
import { OwnAddresses, systemOwnAddresses } from './ownAddresses';
import { principalKey } from './principal';
import { systemResolve } from './resolve';
import { selfSignedTls, type TlsMaterial } from './tls';
import { UsageReporter } from './usageReporter';
import { reporterSink, type UsageSink } from './usageSink';
import { utcDay } from './utcDay';

/** TLS settings for every context (certificate reloads included): AES-128-GCM first, cheapest where AES-NI is. */
const tlsTuning = {
  ciphers:
    'TLS_AES_128_GCM_SHA256:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_256_GCM_SHA384:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384',
  honorCipherOrder: true,
  minVersion: 'TLSv1.2' as const,
};

type ConnectionListener = (socket: Socket) => void;

/**
 * Puts `route` in place of the listener https.Server registered first for `secureConnection` (its HTTP/1.1
 * server); `route` receives that listener to hand connections on to. proxy-chain's own listener (it registers
 * the connection for close()) stays, and runs after.
 */
const routeTlsConnections = (
  server: NetServer,
  route: (http1: ConnectionListener) => ConnectionListener,
): void => {
  const [own] = server.listeners('secureConnection') as ConnectionListener[];
  if (own?.name !== 'connectionListener')
    throw new Error('https.Server no longer registers its HTTP listener first; see routeTlsConnections');
  server.removeListener('secureConnection', own);
  server.prependListener(
    'secureConnection',
    route((socket) => own.call(server, socket)),
  );
};

export const startGateway = async (config: GatewayConfig): Promise<RunningGateway> => {
  const now = config.now ?? Date.now;
  const log = config.log ?? (() => undefined);
  const usage = new DailyUsage();
  const sink: UsageSink =
    config.usageSink ??
    reporterSink(
      new UsageReporter({
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
        onDropped: (batch, error) => {
          droppedBatches?.inc();
          log(
            `usage batch ${batch.batchId} refused for good (${error.substitutions?.join(' ') ?? error.code}), dropped: ${String(batch.entries.length)} entries`,
          );
        },
      }),
    );
  const tls = config.tls === 'self-signed' ? await selfSignedTls() : config.tls;
  // Session tickets let a returning client skip the certificate and its signature; the keys are given in
  // cluster mode, so a ticket from one worker resumes on another.
  const ticketKeys = config.ticketKeys ?? randomBytes(48);
  let certificate = tls?.cert ?? null;
  const own = new OwnAddresses(config.ownAddresses ?? systemOwnAddresses, [
    config.host,
    ...(config.exitAddress === undefined ? [] : [config.exitAddress]),
  ]);
  const limits = new ConnectionLimits(connectionLimitsFrom(config.connectionLimits), now);
  const pendingTimeoutMs = config.pendingTimeoutMs ?? 20_000;
  const idleTimeoutMs = config.idleTimeoutMs ?? 5 * 60_000;
  // Every TCP connection, TLS handshakes included (proxy-chain only knows the ones past it), for close().
  const sockets = new Set<Socket>();
  // A TCP connection is named by its peer's address and port, the same on the raw and the TLS socket.
  const peerOf = (socket: Socket) => `${String(socket.remoteAddress)}|${String(socket.remotePort)}`;
  // Defined before the listener exists; its collectors only run at a scrape.
  const metrics = createGatewayMetrics(
    {
      connectionsOpen: () => limits.stats().open,
      tunnelsOpen: () => meter.size,
    },
    String(config.workerId ?? 0),
  );
  // Only where the reporter runs (a cluster worker hands its counts to the primary, which counts this itself).
  const droppedBatches =
    config.usageSink === undefined ? usageBatchesDroppedCounter(metrics.registry) : undefined;
  const authenticated = (request: AdmissionRequest) => {
    limits.authenticated(peerOf(request.socket));
    request.socket.setTimeout(idleTimeoutMs);
  };

  const authRealm = 'Rampart';
  const admit = admission({
    now,
    credentials: new CredentialCheck(config.publicKeys),
    usage,
    credentialSeen: (credential) => sink.credentialSeen(credential),
    credentialRefused: (reason) => metrics.authFailed(reason),
    resolve: config.resolve ?? systemResolve,
    allowPrivateDestinations: config.allowPrivateDestinations === true,
    isOwnAddress: own.has,
    authenticated,
    blockedPorts: new Set(config.blockedPorts ?? [25]),
    gateway: config.gateway,
    exitAddress: config.exitAddress,
    // Requests arrive only after listen(), by which time the meter exists.
    charge: (connectionId, owner) => meter.assign(connectionId, owner),
  });
  const common = { host: config.host, port: config.port, authRealm, prepareRequestFunction: admit };
  const proxy =
    tls === null
      ? new Server(common)
      : new Server({
          ...common,
          serverType: 'https',
          httpsOptions: {
            ...tls,
            ...tlsTuning,
            ticketKeys,
            handshakeTimeout: pendingTimeoutMs,
            // HTTP/2 first: Chromium then opens every tunnel as a stream of one connection.
            ALPNProtocols: ['h2', 'http/1.1'],
          },
        });
  const http2 =
    tls === null
      ? null
      : new Http2Proxy({
          admit,
          authRealm,
          pendingMs: pendingTimeoutMs,
          closed: (streamId, stats) => meter.closed(streamId, stats),
          log,
        });
  // ALPN h2 (what browsers choose): the HTTP/2 proxy; anything else is HTTP/1.1.
  if (http2 !== null)
    routeTlsConnections(proxy.server, (http1) => (socket) => {
      const h2 = (socket as TLSSocket).alpnProtocol === 'h2';
      metrics.tlsProtocol(h2 ? 'h2' : 'http/1.1');
      if (h2) http2.handle(socket as TLSSocket);
      else http1(socket);
    });
  const meter = new ConnectionMeter(
    (connectionId) => http2?.statsOf(connectionId) ?? proxy.getConnectionStats(connectionId),
    (owner, uploadBytes, downloadBytes) => {
      const at = now();
      usage.add(owner.principal, uploadBytes + downloadBytes, at);
      const key = { deviceId: owner.deviceId, accountId: owner.accountId, day: utcDay(at) };
      sink.charge(key, uploadBytes, downloadBytes, at);
      metrics.charged(uploadBytes, downloadBytes);
    },
  );

  // Every TCP connection is counted against its client's address before anything else is spent on it.
  proxy.server.on('connection', (socket: Socket) => {
    const peer = peerOf(socket);
    const refused = limits.accept(peer, clientKey(socket.remoteAddress));
    if (refused !== null) {
      metrics.connectionRefused();
      socket.destroy();
      return;
    }
    metrics.connectionAccepted();
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
    // An HTTP/2 connection's timer is its session's (see Http2Proxy): HTTP/2 reads the socket natively, so the
    // socket's own timer would not see its traffic.
    if ((socket as TLSSocket).alpnProtocol !== 'h2') socket.setTimeout(pendingTimeoutMs);
  });
  proxy.on('connectionClosed', ({ connectionId, stats }) => meter.closed(connectionId, stats));
  proxy.on('requestFailed', ({ error }: { error: unknown }) => log(`request failed: ${String(error)}`));
  await proxy.listen();

  // Long tunnels are metered while open, and cut once their principal's allowance is used up.
  const meterTimer = setInterval(() => {
    meter.sampleAll();
    const at = now();
    for (const principal of usage.exhausted(at)) {
      for (const connectionId of meter.connectionsOf(principal)) {
        proxy.closeConnection(connectionId);
        http2?.closeStream(connectionId);
      }
    }
    usage.prune(at);
  }, config.meterIntervalMs ?? 1_000);
  meterTimer.unref();
  sink.start();
  own.start(config.ownAddressRefreshMs ?? 10_000);

  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    port: proxy.port,
    url: `${tls === null ? 'http' : 'https'}://${host}:${proxy.port}`,
    get certificate() {
      return certificate;
    },
    metrics: metrics.registry,
    connections: () => limits.stats(),
    flushUsage: () => {
      meter.sampleAll();
      return sink.flush();
    },
    setCertificate: (material: TlsMaterial) => {
      if (tls === null) throw new Error('a plain gateway has no certificate');
      // New handshakes use the new context; open connections keep theirs. The same ticket keys keep resuming.
      (proxy.server as TlsServer).setSecureContext({ ...material, ...tlsTuning, ticketKeys });
      certificate = material.cert;
    },
    exhausted: (principals: readonly string[]) => {
      const at = now();
      for (const principal of principals) usage.markExhausted(principal, at);
    },
    close: async () => {
      clearInterval(meterTimer);
      own.stop();
      const closing = proxy.close(true);
      for (const socket of sockets) socket.destroy();
      await closing;
      await sink.close();
    },
  };
};
