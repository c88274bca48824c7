import { X509Certificate } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfSignedTls } from '../../../server/gateway';
import {
  sample,
  startClusterGateway,
  startUsageService,
  until,
  type ClusterGateway,
  type UsageService,
} from './clusterProcess';
import { credential, startOrigin, totals, viaTunnel, type Origin } from './helpers';

// Two workers, connections dealt out in turn (`rr`), so consecutive connections land on different workers.
let usage: UsageService;
let origin: Origin;
let echo: net.Server;
let gateway: ClusterGateway;
beforeAll(async () => {
  usage = await startUsageService();
  origin = await startOrigin();
  echo = net.createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  gateway = await startClusterGateway(usage, { GATEWAY_WORKERS: '2', NODE_CLUSTER_SCHED_POLICY: 'rr' });
}, 60_000);
afterAll(async () => {
  await gateway?.stop();
  await origin?.close();
  echo?.close();
  await usage?.close();
});

const metrics = async () => (await fetch(`${gateway.metricsUrl}/metrics`)).text();
const target = () => `127.0.0.1:${String(origin.port)}`;

/** A TLS connection to the gateway trusting only `ca`, a CONNECT to the echo server: the open tunnel. */
const openEchoTunnel = (ca: string): Promise<tls.TLSSocket> =>
  new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port: gateway.port, ca, servername: 'localhost' });
    const address = `127.0.0.1:${String((echo.address() as net.AddressInfo).port)}`;
    socket.once('secureConnect', () => {
      const auth = Buffer.from(`device-1:${credential()}`).toString('base64');
      socket.write(
        `CONNECT ${address} HTTP/1.1\r\nHost: ${address}\r\nProxy-Authorization: Basic ${auth}\r\n\r\n`,
      );
      socket.once('data', (answer: Buffer) =>
        answer.toString('latin1').startsWith('HTTP/1.1 200')
          ? resolve(socket)
          : reject(new Error(answer.toString('latin1'))),
      );
    });
    socket.once('error', reject);
  });
const echoed = (socket: net.Socket, text: string): Promise<string> =>
  new Promise((resolve, reject) => {
    socket.once('data', (data: Buffer) => resolve(data.toString()));
    socket.once('error', reject);
    socket.write(text);
  });

describe('the gateway on every core (primary and 2 workers)', () => {
  it('answers the load balancer on /healthz once every worker listens', async () => {
    const response = await fetch(`${gateway.metricsUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', workers: 2, listening: 2 });
  });

  it('meters a device whose tunnels ran on both workers once: one entry per batch, bytes summed', async () => {
    const token = credential();
    for (let i = 0; i < 6; i += 1) {
      const { connect, inner } = await viaTunnel(gateway, target(), '/bytes/100000', token);
      expect(connect.status).toBe(200);
      expect(inner?.body.length).toBe(100_000);
    }
    const text = await metrics();
    // Both workers carried some of them (connections are dealt out in turn).
    expect(sample(text, 'rampart_gateway_connections_accepted_total{worker="1"}')).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'rampart_gateway_connections_accepted_total{worker="2"}')).toBeGreaterThanOrEqual(3);
    const reported = await until('the usage of all 6 tunnels', () => {
      const sum = totals(usage.batches);
      return sum.down >= 600_000 ? sum : undefined;
    });
    // Nothing counted twice: at most the TLS and HTTP framing on top of the 600 kB of bodies.
    expect(reported.down).toBeLessThan(600_000 + 6 * 8_000);
    for (const batch of usage.batches) {
      expect(batch.gatewayId).toBe('gw-cluster-test');
      const devices = batch.entries.map((entry) => `${entry.deviceId} ${entry.day}`);
      expect(new Set(devices).size).toBe(devices.length);
    }
    // What the primary reported is what the workers metered, summed.
    const metered = await until('the workers to have metered it', async () => {
      const down = sample(await metrics(), 'rampart_gateway_bytes_total{direction="download"}');
      return down !== undefined && down >= 600_000 ? down : undefined;
    });
    expect(totals(usage.batches).down).toBe(metered);
  }, 60_000);

  it('enforces the daily limit on the sum of both workers, which neither reaches alone', async () => {
    // 4 tunnels of 200 kB: 400 kB through each worker, 800 kB in all, against a 700 kB allowance.
    const token = credential({ deviceId: 'device-limited', dailyLimitBytes: 700_000 });
    for (let i = 0; i < 4; i += 1) {
      const { connect } = await viaTunnel(gateway, target(), '/bytes/200000', token);
      expect(connect.status).toBe(200);
    }
    await until('the limit to be enforced', async () => {
      const { connect } = await viaTunnel(gateway, target(), '/', token);
      return connect.status === 429 ? true : undefined;
    });
    // Both workers refuse it now, while another device goes on.
    for (let i = 0; i < 2; i += 1) {
      const refused = await viaTunnel(gateway, target(), '/', token);
      expect(refused.connect.status).toBe(429);
      expect(refused.connect.headers['x-rampart-reason']).toBe('daily-limit');
    }
    expect((await viaTunnel(gateway, target(), '/', credential())).connect.status).toBe(200);
  }, 60_000);

  it('serves /metrics summed over the workers: open tunnels, bytes and auth failures', async () => {
    const tunnels = [await openEchoTunnel(gateway.certificate), await openEchoTunnel(gateway.certificate)];
    for (let i = 0; i < 3; i += 1) {
      const { connect } = await viaTunnel(gateway, target(), '/', 'not-a-credential');
      expect(connect.status).toBe(407);
    }
    const text = await metrics();
    expect(sample(text, 'rampart_gateway_tunnels_open')).toBe(2);
    expect(sample(text, 'rampart_gateway_auth_failures_total{reason="credential-invalid"}')).toBe(3);
    expect(sample(text, 'rampart_gateway_bytes_total{direction="upload"}')).toBeGreaterThan(0);
    expect(sample(text, 'rampart_gateway_workers_listening')).toBe(2);
    expect(sample(text, 'rampart_gateway_usage_batches_dropped_total')).toBe(0);
    for (const socket of tunnels) socket.destroy();
  }, 30_000);

  it('takes a renewed certificate for new connections while open tunnels go on', async () => {
    const tunnel = await openEchoTunnel(gateway.certificate);
    expect(await echoed(tunnel, 'before')).toBe('before');
    const renewed = await selfSignedTls();
    await gateway.renewCertificate(renewed);
    // New connections get the new certificate (one that trusts only the old one is refused)...
    const fresh = await until('a connection with the new certificate', () =>
      openEchoTunnel(renewed.cert).catch(() => undefined),
    );
    expect(fresh.getPeerX509Certificate()?.fingerprint256).toBe(
      new X509Certificate(renewed.cert).fingerprint256,
    );
    await expect(openEchoTunnel(gateway.certificate)).rejects.toThrow();
    // ...while the tunnel opened before the renewal still carries traffic, on the old certificate.
    expect(await echoed(tunnel, 'after')).toBe('after');
    expect(tunnel.getPeerX509Certificate()?.fingerprint256).toBe(
      new X509Certificate(gateway.certificate).fingerprint256,
    );
    expect(tunnel.destroyed).toBe(false);
    fresh.destroy();
    tunnel.destroy();
    expect(gateway.output()).toContain('certificate reloaded');
  }, 30_000);
});
