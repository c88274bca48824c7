import { createHash } from 'node:crypto';
import tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { spkiFingerprint } from '../../../server/gateway';
import { generateCredentialKeys, signProxyCredential } from '../../../server/credentials';
import { newProxyCredentialPayload } from '../../../src/api/proxyCredential';
import {
  credential,
  type Origin,
  startedForAll,
  startOrigin,
  startTestGateway,
  type TestGateway,
  viaProxy,
  viaTunnel,
} from './helpers';

let origin: Origin;
let gateway: TestGateway;
startedForAll(startOrigin, (started) => (origin = started));
startedForAll(startTestGateway, (started) => (gateway = started));

const expired = () => credential({}, Date.now() - 30 * 60 * 1000);
const tampered = () => {
  const [payload = '', signature = ''] = credential().split('.');
  const text = Buffer.from(payload, 'base64url').toString().replace('"anonymous"', '"unlimited"');
  return `${Buffer.from(text).toString('base64url')}.${signature}`;
};
const foreign = () => {
  const other = generateCredentialKeys();
  return signProxyCredential(
    newProxyCredentialPayload(
      { deviceId: 'device-1', accountId: null, tier: 'unlimited', dailyLimitBytes: null, keyId: other.keyId },
      Date.now(),
    ),
    other.privateKey,
  );
};

describe('gateway authentication', () => {
  it('serves a plain HTTP request with a valid credential', async () => {
    const reply = await viaProxy(gateway, `http://site.test:${origin.port}/hello`, credential());
    expect(reply.status).toBe(200);
    expect(reply.body.toString()).toBe('hello');
    expect(origin.seen).toContain('/hello');
  });

  it('opens a CONNECT tunnel with a valid credential', async () => {
    const { connect, inner } = await viaTunnel(
      gateway,
      `site.test:${origin.port}`,
      '/tunnelled',
      credential(),
    );
    expect(connect.status).toBe(200);
    expect(inner?.body.toString()).toBe('hello');
    expect(origin.seen).toContain('/tunnelled');
  });

  it('never passes the credential on to the destination', async () => {
    await viaProxy(gateway, `http://site.test:${origin.port}/private-headers`, credential());
    const received = origin.headers[origin.seen.indexOf('/private-headers')];
    expect(received?.host).toBe(`site.test:${origin.port}`);
    expect(received?.['proxy-authorization']).toBeUndefined();
  });

  it.each([
    ['missing', () => undefined, 'credential-missing'],
    ['expired', expired, 'credential-expired'],
    ['tampered', tampered, 'credential-invalid'],
    ['signed by an unknown key', foreign, 'credential-invalid'],
    ['garbage', () => 'not-a-token', 'credential-invalid'],
  ])('answers 407 with the reason when the credential is %s', async (_name, token, reason) => {
    const before = origin.seen.length;
    const plain = await viaProxy(gateway, `http://site.test:${origin.port}/refused`, token());
    const tunnel = await viaTunnel(gateway, `site.test:${origin.port}`, '/refused', token());
    for (const reply of [plain, tunnel.connect]) {
      expect(reply.status).toBe(407);
      expect(reply.headers['x-rampart-reason']).toBe(reason);
      expect(reply.headers['proxy-authenticate']).toBe('Basic realm="Rampart"');
    }
    expect(tunnel.inner).toBeNull();
    expect(origin.seen.length).toBe(before);
  });

  it('serves TLS with the certificate it reports, whose SPKI fingerprint Chromium can be told to trust', async () => {
    const socket = tls.connect({
      host: '127.0.0.1',
      port: gateway.port,
      ca: gateway.certificate ?? '',
      servername: 'localhost',
    });
    await new Promise((resolve, reject) => socket.once('secureConnect', resolve).once('error', reject));
    const peer = socket.getPeerX509Certificate();
    const seen = createHash('sha256')
      .update(peer?.publicKey.export({ type: 'spki', format: 'der' }) ?? '')
      .digest('base64');
    socket.destroy();
    expect(spkiFingerprint(gateway.certificate ?? '')).toBe(seen);
  });

  it('also works without TLS for a self-hosted gateway', async () => {
    const plainGateway = await startTestGateway({ tls: null });
    try {
      expect(plainGateway.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await viaProxy(plainGateway, `http://site.test:${origin.port}/`, credential())).status).toBe(
        200,
      );
      expect((await viaProxy(plainGateway, `http://site.test:${origin.port}/`, undefined)).status).toBe(407);
    } finally {
      await plainGateway.close();
    }
  });
});
