import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientHttp2Session } from 'node:http2';
import { loopbackTestResolve } from '../../../server/gateway';
import {
  credential,
  gatewayPerTest,
  type Origin,
  startedForAll,
  startOrigin,
  startTrickleOrigin,
  type TestGateway,
  totals,
} from './helpers';
import { connectHttp2, http2Request, http2Tunnel } from './http2Client';

let origin: Origin;
startedForAll(startOrigin, (started) => (origin = started));
let gateway: TestGateway | undefined;
const startGateway = gatewayPerTest();
let session: ClientHttp2Session | undefined;
afterEach(() => {
  session?.destroy();
  session = undefined;
});

const MB = 1024 * 1024;
const open = async (overrides: Parameters<typeof startGateway>[0] = {}) => {
  gateway = await startGateway(overrides);
  session = await connectHttp2(gateway);
  return { gateway, session };
};

describe('gateway over HTTP/2 (how Chromium talks to an HTTPS proxy)', () => {
  it('offers h2 in ALPN and carries several tunnels at once on one connection', async () => {
    const { session } = await open();
    expect(session.alpnProtocol).toBe('h2');
    const token = credential();
    const replies = await Promise.all(
      ['/one', '/two', '/three'].map((path) => http2Tunnel(session, `site.test:${origin.port}`, path, token)),
    );
    for (const reply of replies) {
      expect(reply.connect.status).toBe(200);
      expect(reply.inner).toMatch(/^HTTP\/1\.1 200 OK[\s\S]*\r\n\r\nhello$/);
    }
    expect(origin.seen).toEqual(expect.arrayContaining(['/one', '/two', '/three']));
    // One TCP connection for all three.
    expect(gateway?.connections().open).toBe(1);
  });

  it('asks for credentials with 407 and Proxy-Authenticate, and the connection stays usable', async () => {
    const { session } = await open();
    const refused = await http2Tunnel(session, `site.test:${origin.port}`, '/', undefined);
    expect(refused.connect.status).toBe(407);
    expect(refused.connect.headers['proxy-authenticate']).toBe('Basic realm="Rampart"');
    expect(refused.connect.headers['x-rampart-reason']).toBe('credential-missing');
    const expired = await http2Tunnel(
      session,
      `site.test:${origin.port}`,
      '/',
      credential({}, Date.now() - 10 * 24 * 3600_000),
    );
    expect(expired.connect.status).toBe(407);
    expect(expired.connect.headers['x-rampart-reason']).toBe('credential-expired');
    const admitted = await http2Tunnel(session, `site.test:${origin.port}`, '/after', credential());
    expect(admitted.connect.status).toBe(200);
  });

  it('forwards a plain-HTTP request without the proxy credential, with the target as Host', async () => {
    const { session } = await open();
    const reply = await http2Request(session, `http://site.test:${origin.port}/bytes/1000`, credential());
    expect(reply.status).toBe(200);
    expect(reply.body.length).toBe(1000);
    const seen = origin.headers.at(-1);
    expect(seen?.host).toBe(`site.test:${origin.port}`);
    expect(seen?.['proxy-authorization']).toBeUndefined();
  });

  it('answers the check host over HTTP/2 as over HTTP/1.1', async () => {
    const { session } = await open();
    const reply = await http2Request(session, 'http://check.rampart.internal/', credential());
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body.toString())).toMatchObject({
      gateway: { id: 'gw-test' },
      device: { deviceId: 'device-1' },
    });
    // undici's ProxyAgent tunnels even to http URLs.
    const tunnelled = await http2Tunnel(session, 'check.rampart.internal:80', '/', credential());
    expect(tunnelled.connect.status).toBe(200);
    expect(tunnelled.inner).toMatch(/^HTTP\/1\.1 200 OK[\s\S]*"gateway":\{"id":"gw-test"/);
  });

  it('refuses private destinations and blocked ports as the HTTP/1.1 path does', async () => {
    const { session } = await open({ allowPrivateDestinations: false, resolve: loopbackTestResolve });
    const token = credential();
    const seenBefore = origin.seen.length;
    const privateTarget = await http2Tunnel(session, `127.0.0.1:${origin.port}`, '/', token);
    expect(privateTarget.connect.status).toBe(403);
    expect(privateTarget.connect.headers['x-rampart-reason']).toBe('destination-forbidden');
    const mail = await http2Tunnel(session, 'example.com:25', '/', token);
    expect(mail.connect.status).toBe(403);
    expect(origin.seen.length).toBe(seenBefore);
  });

  it('meters each stream: a download through a tunnel is charged within a few percent', async () => {
    const { gateway, session } = await open();
    const reply = await http2Tunnel(session, `site.test:${origin.port}`, `/bytes/${MB}`, credential());
    expect(reply.inner?.length).toBeGreaterThan(MB);
    await expect
      .poll(async () => (await gateway.flushUsage(), totals(gateway.batches).down))
      .toBeGreaterThanOrEqual(MB);
    expect(totals(gateway.batches).down).toBeLessThan(MB * 1.03);
    const upload = await http2Request(session, `http://site.test:${origin.port}/upload`, credential(), {
      method: 'POST',
      body: Buffer.alloc(MB / 2, 1),
    });
    expect(upload.body.toString()).toBe(String(MB / 2));
    await gateway.flushUsage();
    expect(totals(gateway.batches).up).toBeGreaterThanOrEqual(MB / 2);
  });

  it('refuses at the daily limit and cuts an open tunnel stream once the allowance runs out', async () => {
    const trickle = await startTrickleOrigin();
    const port = trickle.port;
    try {
      const { session } = await open({ meterIntervalMs: 50 });
      const token = credential({ dailyLimitBytes: 200_000 });
      const started = Date.now();
      const outcome = await http2Tunnel(session, `site.test:${port}`, '/', token).then(
        (result) => `ended with ${result.inner?.length ?? 0} bytes`,
        (error: unknown) => `ended with ${String(error)}`,
      );
      expect(outcome).toMatch(/^ended/);
      expect(Date.now() - started).toBeLessThan(5_000);
      const after = await http2Tunnel(session, `site.test:${origin.port}`, '/', token);
      expect(after.connect.status).toBe(429);
      expect(after.connect.headers['x-rampart-reason']).toBe('daily-limit');
    } finally {
      trickle.close();
    }
  });

  it('counts the connection as authenticated once a stream carries a valid credential', async () => {
    const { gateway, session } = await open();
    expect(gateway.connections()).toMatchObject({ open: 1, pending: 1 });
    await http2Tunnel(session, `site.test:${origin.port}`, '/', credential());
    expect(gateway.connections()).toMatchObject({ open: 1, pending: 0 });
  });
});

describe('HTTP/2 connection timeouts', () => {
  it('keeps a connection whose tunnel carries traffic past the idle timeout, and closes one that idles', async () => {
    const { session } = await open({ pendingTimeoutMs: 300, idleTimeoutMs: 300 });
    // 1.2 s of a slow download (a chunk every 100 ms): four idle timeouts long, never idle.
    const slow = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-length': '12' });
      let sent = 0;
      const timer = setInterval(() => {
        response.write('x');
        if (++sent === 12) {
          clearInterval(timer);
          response.end();
        }
      }, 100);
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const port = (slow.address() as AddressInfo).port;
      const reply = await http2Tunnel(session, `site.test:${port}`, '/', credential());
      expect(reply.inner).toMatch(/\r\n\r\nx{12}$/);
      const closed = new Promise((resolve) => session.once('close', resolve));
      await closed;
      expect(session.destroyed).toBe(true);
    } finally {
      slow.closeAllConnections();
      slow.close();
    }
  });
});
