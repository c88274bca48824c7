import { describe, expect, it } from 'vitest';
import { bypassReason, normalizeHost, parseIPv6 } from '../../../src/rules';

const account = ['my.rampart.example'];

describe('bypassReason', () => {
  it.each([
    ['my.rampart.example', 'accountService'],
    ['MY.Rampart.Example.', 'accountService'],
    ['localhost', 'localhost'],
    ['LOCALHOST.', 'localhost'],
    ['app.localhost', 'localhost'],
    ['127.0.0.1', 'loopback'],
    ['127.255.10.3', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['0.0.0.0', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['febf::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:192.168.0.1', 'private'],
    ['printer.local', 'localDomain'],
    ['intranet', 'singleLabel'],
    ['', 'singleLabel'],
  ])('%j is never routed: %s', (host, reason) => {
    expect(bypassReason(host, account)).toBe(reason);
  });

  it.each([
    'example.com',
    'rampart.example',
    'www.my.rampart.example',
    'localhost.com',
    'local.example.com',
    '8.8.8.8',
    '172.15.0.1',
    '172.32.0.1',
    '192.169.0.1',
    '11.0.0.1',
    '126.255.255.255',
    '169.253.1.1',
    '256.1.1.1',
    '2001:db8::1',
    'fec0::1',
    'fbff::1',
    '::ffff:8.8.8.8',
    '::2',
  ])('%j is left to the rules', (host) => {
    expect(bypassReason(host, account)).toBeNull();
  });
});

describe('host helpers', () => {
  it.each([
    ['Example.COM.', 'example.com'],
    ['example.com...', 'example.com'],
    ['[2001:DB8::1]', '2001:db8::1'],
  ])('normalizeHost(%j) is %j', (host, expected) => {
    expect(normalizeHost(host)).toBe(expected);
  });

  it.each([
    ['::1', [0, 0, 0, 0, 0, 0, 0, 1]],
    ['1::', [1, 0, 0, 0, 0, 0, 0, 0]],
    ['1:2:3:4:5:6:7:8', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['::ffff:1.2.3.4', [0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]],
    ['1:2:3:4:5:6:7', null],
    ['1::2::3', null],
    ['1:2:3:4::5:6:7:8', null],
    ['12345::', null],
    ['example.com', null],
  ])('parseIPv6(%j) is %j', (host, expected) => {
    expect(parseIPv6(host)).toEqual(expected);
  });
});
