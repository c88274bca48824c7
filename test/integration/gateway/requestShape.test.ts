// Requests the gateway must not pass on as they came (item 14 of issue 15): two Host headers or a Host naming
// another target than the absolute URI (400, nothing reaches the origin), hop-by-hop headers (dropped), and an
// authenticated tunnel left idle (closed after the configured idle timeout).
import type net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  basicAuth,
  credential,
  dialGateway,
  rawExchange,
  startOrigin,
  startTestGateway,
  viaProxy,
  type Origin,
  type TestGateway,
} from './helpers';

let origin: Origin;
let gateway: TestGateway;
const IDLE_MS = 400;
beforeAll(async () => {
  origin = await startOrigin();
  gateway = await startTestGateway({ idleTimeoutMs: IDLE_MS });
});
afterAll(async () => {
  await gateway.close();
  await origin.close();
});

describe('request shape', () => {
  it.each([
    ['two identical Host headers', ['Host: site.test:PORT', 'Host: site.test:PORT']],
    ['two different Host headers', ['Host: site.test:PORT', 'Host: other.test:PORT']],
    ['a Host naming another host than the URI', ['Host: other.test:PORT']],
    ['a Host naming another port than the URI', ['Host: site.test:1']],
  ])('refuses %s with 400, plain HTTP', async (_name, hostLines) => {
    const port = String(origin.port);
    const reply = await rawExchange(gateway, [
      `GET http://site.test:${port}/shape HTTP/1.1`,
      ...hostLines.map((line) => line.replace('PORT', port)),
      `Proxy-Authorization: ${basicAuth(credential())}`,
    ]);
    expect(reply.status).toBe(400);
    expect(origin.seen).not.toContain('/shape');
  });

  it('refuses two Host headers on CONNECT with 400', async () => {
    const target = `site.test:${String(origin.port)}`;
    const reply = await rawExchange(gateway, [
      `CONNECT ${target} HTTP/1.1`,
      `Host: ${target}`,
      'Host: other.test:443',
      `Proxy-Authorization: ${basicAuth(credential())}`,
    ]);
    expect(reply.status).toBe(400);
  });

  it('accepts a Host that names the URI target (default port omitted, other case)', async () => {
    const reply = await rawExchange(gateway, [
      `GET http://site.test:${String(origin.port)}/same HTTP/1.1`,
      `Host: SITE.test:${String(origin.port)}`,
      `Proxy-Authorization: ${basicAuth(credential())}`,
      'Connection: close',
    ]);
    expect(reply.status).toBe(200);
    expect(origin.seen).toContain('/same');
  });

  it('does not forward Proxy-Connection, Keep-Alive or the headers Connection names', async () => {
    const before = origin.headers.length;
    const reply = await rawExchange(gateway, [
      `GET http://site.test:${String(origin.port)}/hop HTTP/1.1`,
      `Host: site.test:${String(origin.port)}`,
      `Proxy-Authorization: ${basicAuth(credential())}`,
      'Proxy-Connection: keep-alive',
      'Keep-Alive: timeout=5',
      'Connection: close, X-Hop-Secret',
      'X-Hop-Secret: for the gateway only',
      'X-End-To-End: kept',
    ]);
    expect(reply.status).toBe(200);
    const received = origin.headers.slice(before).at(-1) ?? {};
    expect(received['x-end-to-end']).toBe('kept');
    expect(Object.keys(received)).not.toContain('proxy-connection');
    expect(Object.keys(received)).not.toContain('keep-alive');
    expect(Object.keys(received)).not.toContain('x-hop-secret');
    expect(Object.keys(received)).not.toContain('proxy-authorization');
  });

  it('still answers a normal proxied request', async () => {
    const reply = await viaProxy(gateway, `http://site.test:${String(origin.port)}/plain`, credential());
    expect(reply.status).toBe(200);
  });
});

/** Opens an authenticated CONNECT tunnel to the origin and resolves with the socket once it is open. */
const openTunnel = (target: string): Promise<net.Socket> =>
  new Promise((resolve, reject) => {
    const socket = dialGateway(gateway);
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      if (head.startsWith('HTTP/1.1 200')) resolve(socket);
      else reject(new Error(head));
    };
    socket.on('data', onData);
    socket.on('error', reject);
    socket.once(gateway.certificate === null ? 'connect' : 'secureConnect', () =>
      socket.write(
        `CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\nProxy-Authorization: ${basicAuth(credential())}\r\n\r\n`,
      ),
    );
  });

const closedWithin = (socket: net.Socket, ms: number): Promise<boolean> =>
  new Promise((resolve) => {
    if (socket.destroyed) {
      resolve(true);
      return;
    }
    const onClose = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      socket.off('close', onClose);
      resolve(false);
    }, ms);
    socket.once('close', onClose);
  });

describe('idle tunnels', () => {
  it(`closes an authenticated tunnel idle for longer than the idle timeout (${String(IDLE_MS)} ms)`, async () => {
    const socket = await openTunnel(`site.test:${String(origin.port)}`);
    const opened = Date.now();
    expect(await closedWithin(socket, IDLE_MS * 5)).toBe(true);
    expect(Date.now() - opened).toBeGreaterThanOrEqual(IDLE_MS - 50);
  });

  it('keeps a tunnel that carries traffic open past the idle timeout', async () => {
    const socket = await openTunnel(`site.test:${String(origin.port)}`);
    socket.on('data', () => undefined);
    // A request every IDLE_MS / 4 on the tunnel's HTTP/1.1 connection to the origin, for 3 × IDLE_MS.
    const target = `site.test:${String(origin.port)}`;
    for (let i = 0; i < 12; i++) {
      socket.write(`GET /alive-${String(i)} HTTP/1.1\r\nHost: ${target}\r\n\r\n`);
      expect(await closedWithin(socket, IDLE_MS / 4)).toBe(false);
    }
    expect(origin.seen).toContain('/alive-11');
    socket.destroy();
  });
});
