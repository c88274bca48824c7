import { Counter, Gauge, Registry } from 'prom-client';
import type { GatewayRefusalReason } from '../../src/api/proxyCredential';

/**
 * Prometheus metrics of one gateway process (a worker, or the whole gateway in-process). Each has its own
 * registry, so several gateways in one test process do not collide; in cluster mode the primary sums the
 * workers' registries (prom-client's AggregatorRegistry: counters and gauges are summed).
 */
export function createGatewayMetrics(
  sources: { connectionsOpen: () => number; tunnelsOpen: () => number },
  /** Which cluster worker this is ("0": the only process), a label where the split between workers matters. */
  worker: string,
) {
  const registry = new Registry();
  new Gauge({
    name: 'rampart_gateway_connections_open',
    help: 'Open client connections (TLS handshakes and idle keep-alive included)',
    registers: [registry],
    aggregator: 'sum',
    collect() {
      this.set(sources.connectionsOpen());
    },
  });
  new Gauge({
    name: 'rampart_gateway_tunnels_open',
    help: 'Client connections that carried an admitted request and are still open (CONNECT tunnels and plain HTTP)',
    registers: [registry],
    aggregator: 'sum',
    collect() {
      this.set(sources.tunnelsOpen());
    },
  });
  const bytes = new Counter({
    name: 'rampart_gateway_bytes_total',
    help: 'Bytes charged to devices, as seen on the client side (upload: from the client; download: to it)',
    labelNames: ['direction'] as const,
    registers: [registry],
    aggregator: 'sum',
  });
  const authFailures = new Counter({
    name: 'rampart_gateway_auth_failures_total',
    help: 'Requests refused for their proxy credential (HTTP 407), by reason',
    labelNames: ['reason'] as const,
    registers: [registry],
    aggregator: 'sum',
  });
  const accepted = new Counter({
    name: 'rampart_gateway_connections_accepted_total',
    help: 'Client connections accepted, by cluster worker (how evenly the kernel spreads them)',
    labelNames: ['worker'] as const,
    registers: [registry],
    aggregator: 'sum',
  });
  const refusedConnections = new Counter({
    name: 'rampart_gateway_connections_refused_total',
    help: 'Connections closed on arrival by a connection limit',
    registers: [registry],
    aggregator: 'sum',
  });
  const protocols = new Counter({
    name: 'rampart_gateway_tls_connections_total',
    help: 'TLS connections by the protocol their ALPN chose (h2: every tunnel a stream; http/1.1: a connection each)',
    labelNames: ['protocol'] as const,
    registers: [registry],
    aggregator: 'sum',
  });
  return {
    registry,
    charged: (uploadBytes: number, downloadBytes: number) => {
      if (uploadBytes > 0) bytes.inc({ direction: 'upload' }, uploadBytes);
      if (downloadBytes > 0) bytes.inc({ direction: 'download' }, downloadBytes);
    },
    authFailed: (reason: GatewayRefusalReason) => authFailures.inc({ reason }),
    connectionAccepted: () => accepted.inc({ worker }),
    connectionRefused: () => refusedConnections.inc(),
    tlsProtocol: (protocol: 'h2' | 'http/1.1') => protocols.inc({ protocol }),
  };
}
export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;

/** Counted where the usage reporter runs: the gateway process, or the cluster primary. */
export const usageBatchesDroppedCounter = (registry: Registry) =>
  new Counter({
    name: 'rampart_gateway_usage_batches_dropped_total',
    help: 'Usage batches the account service refused for good (a 4xx other than 408/425/429), dropped',
    registers: [registry],
    aggregator: 'sum',
  });
