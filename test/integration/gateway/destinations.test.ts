import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isForbiddenAddress } from '../../../server/gateway';
import { checkDestination } from '../../../server/gateway/destination';
import {
  credential,
  startOrigin,
  startTestGateway,
  viaProxy,
  viaTunnel,
  type Origin,
  type TestGateway,
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
  ])('refuses %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each(['1.1.1.1', '8.8.8.8', '172.32.0.1', '192.169.0.1', '2606:4700:4700::1111', '::ffff:1.1.1.1'])(
    'allows %s',
    (address) => {
      expect(isForbiddenAddress(address)).toBe(false);
    },
  );
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
  beforeAll(async () => {
    origin = await startOrigin();
    gateway = await startTestGateway({ allowPrivateDestinations: false });
  });
  afterAll(async () => {
    await gateway.close();
    await origin.close();
  });

  it.each([
    ['a .test name resolving to loopback', `site.test:${String(0)}`],
    ['a loopback address', '127.0.0.1'],
    ['IPv6 loopback', '[::1]'],
    ['localhost', 'localhost'],
  ])('refuses %s (403, destination-forbidden), plain and CONNECT', async (_name, host) => {
    const target =
      host.includes(':') && !host.startsWith('[')
        ? host.replace(/:0$/, `:${origin.port}`)
        : `${host}:${origin.port}`;
    const plain = await viaProxy(gateway, `http://${target}/private`, credential());
    const tunnel = await viaTunnel(gateway, target, '/private', credential());
    for (const reply of [plain, tunnel.connect]) {
      expect(reply.status).toBe(403);
      expect(reply.headers['x-rampart-reason']).toBe('destination-forbidden');
    }
    expect(origin.seen).toEqual([]);
  });

  it('refuses SMTP port 25 whatever the host', async () => {
    const tunnel = await viaTunnel(gateway, 'mail.test:25', '/', credential());
    expect(tunnel.connect.status).toBe(403);
  });
});
