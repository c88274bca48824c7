// The one IP parser and classifier (src/net), as a table: each row is an address, how it reads and the block of
// the IANA special-purpose registries it falls in. The policies built on it (src/rules/bypass.ts,
// src/threats/hostname.ts, server/gateway/addresses.ts) have their own tests.
import { describe, expect, it } from 'vitest';
import { embeddedIPv4, formatIp, ipRange, parseIp, parseIPv4, parseIPv6 } from '../../../src/net';

describe('parseIPv4 / parseIPv6', () => {
  it.each([
    ['1.2.3.4', [1, 2, 3, 4]],
    ['255.255.255.255', [255, 255, 255, 255]],
    ['256.1.1.1', null],
    ['1.2.3', null],
    ['0x7f.0.0.1', null],
    ['1.2.3.4.', null],
  ])('parseIPv4(%j) is %j', (text, expected) => {
    expect(parseIPv4(text)).toEqual(expected);
  });

  it.each([
    ['::', [0, 0, 0, 0, 0, 0, 0, 0]],
    ['::1', [0, 0, 0, 0, 0, 0, 0, 1]],
    ['::127.0.0.1', [0, 0, 0, 0, 0, 0, 0x7f00, 1]],
    ['::ffff:1.2.3.4', [0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]],
    ['2001:DB8::1', [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]],
    ['1:2:3:4:5:6:7::', [1, 2, 3, 4, 5, 6, 7, 0]],
    ['1:2:3:4::5:6:7:8', null],
    ['fe80::1%eth0', null],
    ['12345::', null],
    ['[::1]', null],
  ])('parseIPv6(%j) is %j', (text, expected) => {
    expect(parseIPv6(text)).toEqual(expected);
  });

  it.each([
    ['[::1]', '::1'],
    ['::ffff:127.0.0.1', '::ffff:7f00:1'],
    ['2001:0db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
    ['1:0:2:3:4:5:6:7', '1:0:2:3:4:5:6:7'],
    ['10.0.0.1', '10.0.0.1'],
  ])('formatIp(parseIp(%j)) is %j', (text, expected) => {
    const address = parseIp(text);
    expect(address && formatIp(address)).toBe(expected);
  });
});

describe('ipRange: the IANA IPv4 special-purpose registry', () => {
  it.each([
    ['0.0.0.0', 'thisNetwork'],
    ['0.255.255.255', 'thisNetwork'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'],
    ['100.64.0.1', 'sharedAddressSpace'],
    ['100.127.255.255', 'sharedAddressSpace'],
    ['127.0.0.1', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['192.0.0.8', 'ietfProtocolAssignments'],
    ['192.0.2.1', 'documentation'],
    ['198.51.100.1', 'documentation'],
    ['203.0.113.1', 'documentation'],
    ['192.31.196.1', 'as112'],
    ['192.175.48.1', 'as112'],
    ['192.52.193.1', 'amt'],
    ['192.88.99.1', 'sixToFourRelayAnycast'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.255', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.254', 'reserved'],
    ['255.255.255.255', 'limitedBroadcast'],
    ['1.1.1.1', 'unicast'],
    ['100.128.0.1', 'unicast'],
    ['172.32.0.1', 'unicast'],
    ['198.20.0.1', 'unicast'],
    ['223.255.255.255', 'unicast'],
  ])('%s is %s', (text, range) => {
    expect(ipRange(parseIp(text) ?? { family: 4, octets: [0, 0, 0, 0] })).toEqual({ family: 4, range });
  });
});

describe('ipRange: the IANA IPv6 special-purpose registry and the space outside 2000::/3', () => {
  it.each([
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['::ffff:1.2.3.4', 'ipv4Mapped'],
    ['::ffff:0:7f00:1', 'ipv4Translated'],
    ['::7f00:1', 'ipv4Compatible'],
    ['::2', 'ipv4Compatible'],
    ['64:ff9b::7f00:1', 'nat64'],
    ['64:ff9b:1::7f00:1', 'nat64Local'],
    ['100::1', 'discardOnly'],
    ['100:0:0:1::1', 'dummy'],
    ['2001::1', 'teredo'],
    ['2001:1::1', 'ietfProtocolAssignments'],
    ['2001:1ff::1', 'ietfProtocolAssignments'],
    ['2001:2::1', 'benchmarking'],
    ['2001:3::1', 'amt'],
    ['2001:4:112::1', 'as112'],
    ['2620:4f:8000::1', 'as112'],
    ['2001:10::1', 'orchid'],
    ['2001:20::1', 'orchid'],
    ['2001:30::1', 'droneRemoteId'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['2002::1', 'sixToFour'],
    ['5f00::1', 'segmentRouting'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['fec0::1', 'siteLocal'],
    ['ff02::1', 'multicast'],
    ['1::1', 'reserved'],
    ['4000::1', 'reserved'],
    ['2001:200::1', 'unicast'],
    ['2606:4700:4700::1111', 'unicast'],
    ['3ffe::1', 'unicast'],
  ])('%s is %s', (text, range) => {
    expect(ipRange(parseIp(text) ?? { family: 4, octets: [0, 0, 0, 0] })).toEqual({ family: 6, range });
  });
});

describe('embeddedIPv4', () => {
  it.each([
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['::ffff:0:7f00:1', '127.0.0.1'],
    ['::7f00:1', '127.0.0.1'],
    ['64:ff9b::a9fe:a9fe', '169.254.169.254'],
    ['64:ff9b:1::7f00:1', '127.0.0.1'],
    ['2002:7f00:1::1', '127.0.0.1'],
    ['2002:c000:0204::1', '192.0.2.4'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', '192.0.2.45'],
    ['2606:4700::1', null],
    ['::1', null],
    ['fe80::1', null],
  ])('%s carries %s', (text, expected) => {
    const address = parseIp(text);
    if (address?.family !== 6) throw new Error(text);
    expect(embeddedIPv4(address.groups)?.join('.') ?? null).toBe(expected);
  });
});
