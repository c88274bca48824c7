import { describe, expect, it } from 'vitest';
import { isForbiddenAddress } from '../../../server/gateway';
import { checkDestination } from '../../../server/gateway/destination';
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

describe('forbidden destination addresses', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '[::1]',
    '::',
    'fe80::1',
    'fd12:3456::1',
    'fc00::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '64:ff9b::a9fe:a9fe',
    'not-an-address',
    // The rest of the IANA IPv4 special-purpose registry.
    '0.1.2.3',
    '100.127.255.254',
    '192.0.0.8',
    '192.0.2.1',
    '192.31.196.1',
    '192.52.193.1',
    '192.88.99.1',
    '192.175.48.1',
    '198.18.0.1',
    '198.19.255.255',
    '198.51.100.7',
    '203.0.113.9',
    '240.0.0.1',
    '239.255.255.250',
    // IPv6 special-purpose blocks, and everything outside 2000::/3.
    '100::1',
    '100:0:0:1::1',
    '2001::1',
    '2001:1::1',
    '2001:2::1',
    '2001:3::1',
    '2001:4:112::1',
    '2001:10::1',
    '2001:20::1',
    '2001:30::1',
    '2001:db8::1',
    '2002:808:808::1',
    '2620:4f:8000::1',
    '3fff::1',
    '5f00::1',
    'fec0::1',
    'ff02::1',
    '4000::1',
    '::2',
    // IPv6 forms that embed an IPv4 address (issue 15, item 14), judged by it and refused outright.
    '::7f00:1',
    '::127.0.0.1',
    '::ffff:0:7f00:1',
    '64:ff9b:1::7f00:1',
    '64:ff9b::7f00:1',
    '2002:7f00:1::1',
    '2001:0:4136:e378:8000:63bf:80ff:fffe',
    '::808:808',
    '64:ff9b::808:808',
    // With a zone id, Node would accept it as an address; the gateway does not read it as one.
    'fe80::1%eth0',
  ])('refuses %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each([
    '1.1.1.1',
    '8.8.8.8',
    '172.32.0.1',
    '192.169.0.1',
    '100.128.0.1',
    '198.20.0.1',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '::ffff:1.1.1.1',
    '[2a00:1450::1]',
  ])('allows %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });
});

describe('destination check (no network: fake resolvers)', () => {
  const resolveTo =
    (...addresses: string[]) =>
    async () =>
      addresses.map((address) => ({ address, family: address.includes(':') ? (6 as const) : (4 as const) }));

  it('pins a public name to the addresses it checked', async () => {
    const verdict = await checkDestination('example.com', {
      resolve: resolveTo('93.184.215.14'),
      allowPrivate: false,
    });
    if (!verdict.ok || verdict.lookup === undefined) throw new Error('expected a pinned lookup');
    const pinned = await new Promise((resolve) =>
      verdict.lookup?.('example.com', {}, (_error, address, family) => resolve([address, family])),
    );
    expect(pinned).toEqual(['93.184.215.14', 4]);
  });

  it('refuses a name whose answer mixes public and private addresses', async () => {
    const verdict = await checkDestination('rebind.example', {
      resolve: resolveTo('93.184.215.14', '10.0.0.5'),
      allowPrivate: false,
    });
    expect(verdict).toEqual({ ok: false, reason: 'destination-forbidden' });
  });

  it('reports a name that does not resolve', async () => {
    const verdict = await checkDestination('nowhere.example', {
      resolve: () => Promise.reject(new Error('ENOTFOUND')),
      allowPrivate: false,
    });
    expect(verdict).toEqual({ ok: false, reason: 'destination-unreachable' });
  });
});

describe('gateway with the private-destination switch off', () => {
  let origin: Origin;
  let gateway: TestGateway;
  startedForAll(startOrigin, (started) => (origin = started));
  startedForAll(
    () => startTestGateway({ allowPrivateDestinations: false }),
    (started) => (gateway = started),
  );

  const expectRefused = async (host: string) => {
    const target = `${host}:${String(origin.port)}`;
    const plain = await viaProxy(gateway, `http://${target}/private`, credential());
    const tunnel = await viaTunnel(gateway, target, '/private', credential());
    for (const reply of [plain, tunnel.connect]) {
      expect(reply.status).toBe(403);
      expect(reply.headers['x-rampart-reason']).toBe('destination-forbidden');
    }
    expect(origin.seen).toEqual([]);
  };

  it.each([
    ['a .test name resolving to loopback', 'site.test'],
    ['a loopback address', '127.0.0.1'],
    ['IPv6 loopback', '[::1]'],
    ['localhost', 'localhost'],
  ])('refuses %s (403, destination-forbidden), plain and CONNECT', async (_name, host) => {
    await expectRefused(host);
  });

  // IPv6 forms that embed a loopback IPv4 address (issue 15, item 14), and legacy IPv4 spellings, which the URL
  // parser turns into 127.0.0.1 before any check.
  it.each([
    '[::7f00:1]',
    '[::127.0.0.1]',
    '[::ffff:127.0.0.1]',
    '[::ffff:7f00:1]',
    '[::ffff:0:7f00:1]',
    '[64:ff9b::7f00:1]',
    '[64:ff9b::127.0.0.1]',
    '[64:ff9b:1::7f00:1]',
    '[2002:7f00:1::1]',
    // Teredo: client 127.0.0.1 is stored inverted in the last 32 bits.
    '[2001:0:4136:e378:8000:63bf:80ff:fffe]',
    '0x7f.1',
    '2130706433',
  ])('refuses %s, plain and CONNECT', async (host) => {
    await expectRefused(host);
  });

  it('refuses SMTP port 25 whatever the host', async () => {
    const tunnel = await viaTunnel(gateway, 'mail.test:25', '/', credential());
    expect(tunnel.connect.status).toBe(403);
  });
});
