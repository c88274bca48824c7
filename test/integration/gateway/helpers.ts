// Loopback fixtures for the gateway tests: an origin web server, credentials, a gateway with an in-memory
// usage reporter, and a tiny proxy client speaking plain-HTTP proxying and CONNECT over TLS to the gateway.
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  newProxyCredentialPayload,
  type GatewayUsageBatch,
  type ProxyCredentialInput,
} from '../../../src/api/proxyCredential';
import { ok } from '../../../src/result';
import { generateCredentialKeys, publicKeySetOf, signProxyCredential } from '../../../server/credentials';
import {
  loopbackTestResolve,
  startGateway,
  type GatewayConfig,
  type RunningGateway,
} from '../../../server/gateway';

export const keys = generateCredentialKeys();

export const credential = (overrides: Partial<ProxyCredentialInput> = {}, now = Date.now()): string =>
  signProxyCredential(
    {
      ...newProxyCredentialPayload(
        {
          deviceId: 'device-1',
          accountId: null,
          tier: 'anonymous',
          dailyLimitBytes: null,
          keyId: keys.keyId,
        },
        now,
      ),
      ...overrides,
    },
    keys.privateKey,
  );

export interface Origin {
  port: number;
  /** Paths the origin served, in order: proves whether a refused request reached it. */
  seen: string[];
  /** Request headers the origin received, in order. */
  headers: http.IncomingHttpHeaders[];
  close(): Promise<void>;
}

/** `/bytes/N` answers N bytes; `POST /upload` answers how many bytes it received; anything else "hello". */
export const startOrigin = async (): Promise<Origin> => {
  const seen: string[] = [];
  const headers: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((request, response) => {
    seen.push(request.url ?? '');
    headers.push(request.headers);
    const size = /^\/bytes\/(\d+)$/.exec(request.url ?? '')?.[1];
    if (size !== undefined) {
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': size });
      response.end(Buffer.alloc(Number(size), 7));
      return;
    }
    if (request.method === 'POST') {
      let received = 0;
      request.on('data', (chunk: Buffer) => (received += chunk.length));
      request.on('end', () => response.end(String(received)));
      return;
    }
    response.end('hello');
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    headers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

/** An origin that sends 16 kB every 10 ms and never ends: only the gateway can end a download from it. */
export const startTrickleOrigin = async (): Promise<{ port: number; close(): void }> => {
  const trickle = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/octet-stream' });
    const timer = setInterval(() => response.write(Buffer.alloc(16 * 1024)), 10);
    response.on('close', () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => trickle.listen(0, '127.0.0.1', resolve));
  return {
    port: (trickle.address() as AddressInfo).port,
    close: () => {
      trickle.closeAllConnections();
      trickle.close();
    },
  };
};

export interface TestGateway extends RunningGateway {
  batches: GatewayUsageBatch[];
}

export const startTestGateway = async (overrides: Partial<GatewayConfig> = {}): Promise<TestGateway> => {
  const batches: GatewayUsageBatch[] = [];
  const gateway = await startGateway({
    host: '127.0.0.1',
    port: 0,
    tls: 'self-signed',
    publicKeys: publicKeySetOf(keys.publicKey),
    gateway: { id: 'gw-test', region: 'nl', city: 'Amsterdam' },
    allowPrivateDestinations: true,
    resolve: loopbackTestResolve,
    reportUsage: async (batch) => {
      batches.push(structuredClone(batch));
      return ok(undefined);
    },
    reportIntervalMs: 60_000,
    ...overrides,
  });
  return Object.assign(gateway, { batches });
};

/**
 * A connection to the gateway itself: TLS trusting its self-signed certificate, or plain TCP. `localAddress`
 * (another loopback address such as 127.0.0.2) makes it come from a second client address.
 */
export const dialGateway = (
  gateway: Pick<RunningGateway, 'port' | 'certificate'>,
  localAddress?: string,
): net.Socket =>
  gateway.certificate === null
    ? net.connect({
        port: gateway.port,
        host: '127.0.0.1',
        ...(localAddress === undefined ? {} : { localAddress }),
      })
    : tls.connect({
        host: '127.0.0.1',
        port: gateway.port,
        ca: gateway.certificate,
        servername: 'localhost',
        ...(localAddress === undefined ? {} : { localAddress }),
      });

/**
 * Writes `head` (a request head, CRLF line ends added) on a new connection and resolves with what comes back
 * until the gateway closes the connection or `quietMs` pass without more: for requests http.request will not
 * send (two Host headers) and for reading exactly what a destination was sent.
 */
export const rawExchange = (
  gateway: RunningGateway,
  lines: string[],
  quietMs = 500,
): Promise<{ text: string; status: number }> =>
  new Promise((resolve, reject) => {
    const socket = dialGateway(gateway);
    let text = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0) });
    };
    const quiet = () => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    };
    socket.on(gateway.certificate === null ? 'connect' : 'secureConnect', () => {
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
      quiet();
    });
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      quiet();
    });
    socket.on('close', done);
    socket.on('error', reject);
  });

export const basicAuth = (token: string): string =>
  `Basic ${Buffer.from(`device-1:${token}`).toString('base64')}`;

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const proxyAuthorization = (token: string | undefined): Record<string, string> =>
  token === undefined
    ? {}
    : { 'proxy-authorization': `Basic ${Buffer.from(`device-1:${token}`).toString('base64')}` };

const collect = (response: http.IncomingMessage): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () =>
      resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
    );
    response.on('error', reject);
  });

/** A plain-HTTP request through the proxy: absolute-form request line, as a browser sends for http:// URLs. */
export const viaProxy = (
  gateway: RunningGateway,
  url: string,
  token: string | undefined,
  init: { method?: string; body?: Buffer; localAddress?: string } = {},
): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const request = http.request({
      createConnection: () => dialGateway(gateway, init.localAddress),
      method: init.method ?? 'GET',
      path: url,
      headers: { host: new URL(url).host, ...proxyAuthorization(token) },
    });
    request.on('response', (response) => void collect(response).then(resolve, reject));
    request.on('error', reject);
    request.end(init.body);
  });

/** CONNECT through the proxy, then (when the tunnel opens) one HTTP request inside it. */
export const viaTunnel = (
  gateway: Pick<RunningGateway, 'port' | 'certificate'>,
  target: string,
  path: string,
  token: string | undefined,
): Promise<{ connect: Reply; inner: Reply | null }> =>
  new Promise((resolve, reject) => {
    const request = http.request({
      createConnection: () => dialGateway(gateway),
      method: 'CONNECT',
      path: target,
      headers: { host: target, ...proxyAuthorization(token) },
    });
    request.on('connect', (response: http.IncomingMessage, socket: net.Socket) => {
      const connect = { status: response.statusCode ?? 0, headers: response.headers, body: Buffer.alloc(0) };
      if (connect.status !== 200) {
        socket.destroy();
        resolve({ connect, inner: null });
        return;
      }
      const inner = http.request({
        createConnection: () => socket,
        path,
        headers: { host: target, connection: 'close' },
      });
      inner.on(
        'response',
        (response) => void collect(response).then((reply) => resolve({ connect, inner: reply }), reject),
      );
      inner.on('error', reject);
      inner.end();
    });
    request.on('error', reject);
    request.end();
  });

export const totals = (batches: GatewayUsageBatch[]) =>
  batches
    .flatMap((batch) => batch.entries)
    .reduce((sum, entry) => ({ up: sum.up + entry.uploadBytes, down: sum.down + entry.downloadBytes }), {
      up: 0,
      down: 0,
    });

/**
 * Starts a server before the file's (or the describe block's) first test and closes it after the last; `use`
 * receives it for the tests to read.
 */
export const startedForAll = <T extends { close(): Promise<void> }>(
  start: () => Promise<T>,
  use: (started: T) => void,
): void => {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
    use(started);
  });
  afterAll(async () => {
    await started?.close();
  });
};

/** A gateway for one test: `start` starts it with the test's configuration; it is closed after the test. */
export const gatewayPerTest = () => {
  let current: TestGateway | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return async (overrides: Partial<GatewayConfig> = {}): Promise<TestGateway> =>
    (current = await startTestGateway(overrides));
};
