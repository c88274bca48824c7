// The gateway refuses its own host through any of its interface addresses (issue 15, item 2), public ones
// included. The interface list is injected: 198.18.x is a benchmarking block and already refused, so the list
// carries addresses that are otherwise public (93.184.215.14, 2606:2800:220::1) and a name resolving to them.
// Nothing is ever sent there: the refusal happens before any connection.
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { Resolve } from '../../../server/gateway';
import { forbiddenBecause } from '../../../server/gateway/addresses';
import { checkDestination } from '../../../server/gateway/destination';
import { OwnAddresses, systemOwnAddresses } from '../../../server/gateway/ownAddresses';
import { parseIp } from '../../../src/net';
import {
  credential,
  startedForAll,
  startTestGateway,
  type TestGateway,
  viaProxy,
  viaTunnel,
} from './helpers';

const OWN_V4 = '93.184.215.14';
const OWN_V6 = '2606:2800:220::1';
const LATER = '93.184.215.15';

const ip = (text: string) => {
  const address = parseIp(text);
  if (address === null) throw new Error(text);
  return address;
};

describe('own addresses (no network)', () => {
  it('reads every interface address of this machine by default', () => {
    const expected = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
    expect(systemOwnAddresses()).toEqual(expected);
    expect(systemOwnAddresses()).toContain('127.0.0.1');
  });

  it('matches an address in any spelling, IPv4-mapped included, and follows a changed list on refresh', () => {
    let list = [OWN_V4, 'fe80::1%eth0', OWN_V6];
    const own = new OwnAddresses(() => list, ['203.0.113.5']);
    expect(own.has(ip(OWN_V4))).toBe(true);
    expect(own.has(ip(`::ffff:${OWN_V4}`))).toBe(true);
    expect(own.has(ip('2606:2800:0220:0:0:0:0:0001'))).toBe(true);
    expect(own.has(ip('fe80::1'))).toBe(true);
    expect(own.has(ip('203.0.113.5'))).toBe(true);
    expect(own.has(ip(LATER))).toBe(false);
    list = [LATER];
    own.refresh();
    expect(own.has(ip(LATER))).toBe(true);
    expect(own.has(ip(OWN_V4))).toBe(false);
  });

  it('refuses an own address that is otherwise public, and only that one', async () => {
    const own = new OwnAddresses(() => [OWN_V4]);
    expect(forbiddenBecause(ip(OWN_V4), own.has)).toBe('own interface address');
    expect(forbiddenBecause(ip(`::ffff:${OWN_V4}`), own.has)).toBe('own interface address');
    expect(forbiddenBecause(ip(LATER), own.has)).toBeNull();
    const resolve: Resolve = async () => [{ address: OWN_V4, family: 4 }];
    expect(
      await checkDestination('self.example', { resolve, allowPrivate: false, isOwnAddress: own.has }),
    ).toEqual({
      ok: false,
      reason: 'destination-forbidden',
    });
    const verdict = await checkDestination(LATER, { resolve, allowPrivate: false, isOwnAddress: own.has });
    expect(verdict.ok).toBe(true);
  });
});

describe('gateway with injected interface addresses', () => {
  let gateway: TestGateway;
  let interfaces = ['127.0.0.1', '::1', OWN_V4, OWN_V6];
  const resolved: string[] = [];
  const resolve: Resolve = async (hostname) => {
    resolved.push(hostname);
    if (hostname === 'self.test') return [{ address: OWN_V4, family: 4 }];
    if (hostname === 'self6.test') return [{ address: OWN_V6, family: 6 }];
    if (hostname === 'later.test') return [{ address: LATER, family: 4 }];
    throw new Error(`unexpected lookup of ${hostname}`);
  };
  startedForAll(
    () =>
      startTestGateway({
        allowPrivateDestinations: false,
        resolve,
        ownAddresses: () => interfaces,
        ownAddressRefreshMs: 50,
      }),
    (started) => (gateway = started),
  );

  it.each([OWN_V4, `[${OWN_V6}]`, `[::ffff:${OWN_V4}]`, 'self.test', 'self6.test'])(
    'refuses %s (403, destination-forbidden), plain and CONNECT',
    async (host) => {
      const plain = await viaProxy(gateway, `http://${host}:8080/own`, credential());
      const tunnel = await viaTunnel(gateway, `${host}:443`, '/own', credential());
      for (const reply of [plain, tunnel.connect]) {
        expect(reply.status).toBe(403);
        expect(reply.headers['x-rampart-reason']).toBe('destination-forbidden');
      }
    },
  );

  it('refuses an address added to an interface while running, after the next re-read', async () => {
    interfaces = [...interfaces, LATER];
    await new Promise((resolve) => setTimeout(resolve, 200));
    const tunnel = await viaTunnel(gateway, 'later.test:443', '/', credential());
    expect(tunnel.connect.status).toBe(403);
    const direct = await viaProxy(gateway, `http://${LATER}/`, credential());
    expect(direct.status).toBe(403);
    expect(resolved).toContain('later.test');
  });
});
