import cluster from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';
import { toWorkerSchema, type ToPrimary, type ToWorker } from './clusterMessages';
import type { GatewayConfig, RunningGateway } from './config';
import { startGateway } from './startGateway';
import { WorkerUsageLink } from './workerUsageLink';

const sendToPrimary = (message: ToPrimary) =>
  new Promise<void>((resolve, reject) => {
    if (process.send === undefined || !process.connected) {
      reject(new Error('no cluster primary'));
      return;
    }
    process.send(message, undefined, undefined, (error: Error | null) =>
      error === null ? resolve() : reject(error),
    );
  });

/**
 * One cluster worker: waits for the primary's certificate and ticket keys, runs a gateway on the shared port
 * with its usage going to the primary, and follows the primary's certificate renewals and daily-limit verdicts.
 */
export const runClusterWorker = async (config: GatewayConfig): Promise<RunningGateway> => {
  const start = await new Promise<Extract<ToWorker, { type: 'rampart:start' }>>((resolve) => {
    const onMessage = (raw: unknown) => {
      const message = toWorkerSchema.safeParse(raw);
      if (!message.success || message.data.type !== 'rampart:start') return;
      process.off('message', onMessage);
      resolve(message.data);
    };
    process.on('message', onMessage);
    void sendToPrimary({ type: 'rampart:ready' });
  });

  const usageSink = new WorkerUsageLink(sendToPrimary, config.meterIntervalMs ?? 1_000);
  const gateway = await startGateway({
    ...config,
    tls: config.tls === null ? null : start.tls,
    ticketKeys: Buffer.from(start.ticketKeys, 'base64'),
    usageSink,
    workerId: cluster.worker?.id ?? 0,
  });
  // prom-client answers the primary's metric requests from this registry.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([gateway.metrics]);

  process.on('message', (raw: unknown) => {
    const message = toWorkerSchema.safeParse(raw);
    if (!message.success) return;
    const value = message.data;
    if (value.type === 'rampart:tls') gateway.setCertificate(value.tls);
    else if (value.type === 'rampart:exhausted') gateway.exhausted(value.principals);
  });
  await sendToPrimary({ type: 'rampart:listening', port: gateway.port });
  return gateway;
};
