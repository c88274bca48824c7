// The configured connection caps hold for the whole gateway, not per worker: `main.ts` with two workers
// (connections dealt out in turn) and a cap of 4 connections before authenticating per address keeps 4 of 10
// idle connections from 127.0.0.1, not 8.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startClusterGateway,
  startUsageService,
  type ClusterGateway,
  type UsageService,
} from './clusterProcess';

let usage: UsageService;
let gateway: ClusterGateway;
beforeAll(async () => {
  usage = await startUsageService();
  gateway = await startClusterGateway(usage, {
    GATEWAY_WORKERS: '2',
    NODE_CLUSTER_SCHED_POLICY: 'rr',
    GATEWAY_MAX_PENDING_PER_ADDRESS: '4',
  });
}, 60_000);
afterAll(async () => {
  await gateway?.stop();
  await usage?.close();
});

describe('connection caps of a gateway with two workers', () => {
  it('keeps the configured number of idle connections from one address in all', async () => {
    const sockets: net.Socket[] = [];
    const closed = new Set<net.Socket>();
    for (let i = 0; i < 10; i += 1) {
      const socket = net.connect(gateway.port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.on('close', () => closed.add(socket));
      sockets.push(socket);
      await new Promise((resolve) => socket.once('connect', resolve));
    }
    // The refused ones are closed on arrival; the others stay until their pending timeout (20 s).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sockets.length - closed.size).toBe(4);
    expect(gateway.output()).toContain(
      'each of the 2 workers holds its share, rounded up (4096, 512, 512, 2)',
    );
    for (const socket of sockets) socket.destroy();
  });
});
