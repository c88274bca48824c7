// A client that announces a body and never sends it, or sends it a byte at a time, must not hold a
// connection (and the memory behind it) for ever: the service closes it once its deadline has passed.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { Client, startServer, type TestServer } from './helpers';

const timeouts = { headersMs: 300, requestMs: 600, idleMs: 5_000 };
let server: TestServer;
let port: number;
beforeAll(async () => {
  server = await startServer({ config: { timeouts } });
  port = Number(new URL(server.url).port);
}, 60_000);
afterAll(() => server.close(), 30_000);

/** Opens a raw connection on loopback; `closed` resolves with the milliseconds until the server hung up. */
function rawConnection(): Promise<{ socket: Socket; closed: Promise<number>; received: () => string }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      const start = performance.now();
      let data = '';
      socket.on('data', (chunk: Buffer) => void (data += chunk.toString('latin1')));
      socket.on('error', () => undefined);
      const closed = new Promise<number>((done) =>
        socket.once('close', () => done(performance.now() - start)),
      );
      resolve({ socket, closed, received: () => data });
    });
    socket.once('error', reject);
  });
}

const within = <T>(promise: Promise<T>, ms: number): Promise<T | 'still open'> =>
  Promise.race([promise, new Promise<'still open'>((r) => setTimeout(() => r('still open'), ms))]);

const head = (length: number) =>
  `POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

describe('slow or silent clients', () => {
  it('defaults to 10 s for headers, 30 s for the whole request and 60 s idle, each configurable', () => {
    expect(loadConfig({}).timeouts).toEqual({ headersMs: 10_000, requestMs: 30_000, idleMs: 60_000 });
    expect(
      loadConfig({ HEADERS_TIMEOUT_MS: '2000', REQUEST_TIMEOUT_MS: '5000', IDLE_TIMEOUT_MS: '9000' })
        .timeouts,
    ).toEqual({ headersMs: 2_000, requestMs: 5_000, idleMs: 9_000 });
  });

  it('closes a connection whose announced body never comes', async () => {
    const { socket, closed, received } = await rawConnection();
    socket.write(head(100));
    const elapsed = await within(closed, 3_000);
    expect(elapsed).not.toBe('still open');
    expect(elapsed as number).toBeLessThan(3_000);
    expect(received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a connection that dribbles its body a byte at a time', async () => {
    const { socket, closed } = await rawConnection();
    socket.write(head(1_000));
    const drip = setInterval(() => socket.writable && socket.write('a'), 50);
    try {
      const elapsed = await within(closed, 3_000);
      expect(elapsed).not.toBe('still open');
    } finally {
      clearInterval(drip);
    }
  });

  it('closes a connection that dribbles its headers', async () => {
    const { socket, closed } = await rawConnection();
    socket.write('GET /api/v1/gateways HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const drip = setInterval(() => socket.writable && socket.write('X-Slow: a\r\n'), 50);
    try {
      const elapsed = await within(closed, 3_000);
      expect(elapsed).not.toBe('still open');
    } finally {
      clearInterval(drip);
    }
  });

  it('closes 50 silent connections at once and keeps answering everyone else', async () => {
    const connections = await Promise.all(Array.from({ length: 50 }, () => rawConnection()));
    for (const { socket } of connections) socket.write(head(10));
    const results = await Promise.all(connections.map(({ closed }) => within(closed, 4_000)));
    expect(results.filter((r) => r === 'still open')).toHaveLength(0);
    expect((await new Client(server.url).get('/api/v1/gateways')).status).toBe(200);
  });
});
