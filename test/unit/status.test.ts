import { describe, expect, it } from 'vitest';
import {
  MAX_CONNECT_ATTEMPTS,
  transition,
  type ConnectionEvent,
  type ConnectionRecord,
} from '../../src/status';

const off: ConnectionRecord = { state: 'off', since: 1 };
const on: ConnectionRecord = { state: 'on', since: 1, exitAddress: '198.51.100.1' };
const connecting: ConnectionRecord = { state: 'connecting', since: 1, failures: 0, reconnecting: false };
const error: ConnectionRecord = { state: 'error', since: 1, reason: 'gatewayUnreachable' };
const limit: ConnectionRecord = { state: 'limit', since: 1, resetAt: 99 };
const loggedOut: ConnectionRecord = { state: 'loggedOut', since: 1 };

describe('connection state machine', () => {
  const cases: [ConnectionRecord, ConnectionEvent, ConnectionRecord][] = [
    [off, { type: 'enable' }, { state: 'connecting', since: 50, failures: 0, reconnecting: false }],
    [error, { type: 'enable' }, { state: 'connecting', since: 50, failures: 0, reconnecting: false }],
    [on, { type: 'enable' }, on],
    [loggedOut, { type: 'enable' }, loggedOut],
    [off, { type: 'resume' }, { state: 'connecting', since: 50, failures: 0, reconnecting: true }],
    [limit, { type: 'resume' }, limit],
    [
      connecting,
      { type: 'healthy', exitAddress: '203.0.113.7' },
      { state: 'on', since: 50, exitAddress: '203.0.113.7' },
    ],
    [error, { type: 'healthy' }, { state: 'on', since: 50 }],
    [off, { type: 'healthy' }, off],
    [limit, { type: 'healthy' }, limit],
    // A working connection that fails is reconnected a few times before the reason is shown.
    [
      on,
      { type: 'failed', reason: 'gatewayUnreachable' },
      { state: 'connecting', since: 50, failures: 1, reconnecting: true },
    ],
    [
      connecting,
      { type: 'failed', reason: 'credentialsRefused' },
      { ...connecting, failures: 1 } as ConnectionRecord,
    ],
    [
      { ...connecting, failures: MAX_CONNECT_ATTEMPTS - 1 } as ConnectionRecord,
      { type: 'failed', reason: 'credentialsRefused' },
      { state: 'error', since: 50, reason: 'credentialsRefused' },
    ],
    // Nothing to retry without a gateway for the region.
    [on, { type: 'failed', reason: 'noGateway' }, { state: 'error', since: 50, reason: 'noGateway' }],
    [connecting, { type: 'failed', reason: 'noGateway' }, { state: 'error', since: 50, reason: 'noGateway' }],
    [error, { type: 'failed', reason: 'noGateway' }, { state: 'error', since: 50, reason: 'noGateway' }],
    [off, { type: 'failed', reason: 'gatewayUnreachable' }, off],
    [on, { type: 'limitReached', resetAt: 99 }, { state: 'limit', since: 50, resetAt: 99 }],
    [connecting, { type: 'limitReached', resetAt: 7 }, { state: 'limit', since: 50, resetAt: 7 }],
    [off, { type: 'limitReached', resetAt: 99 }, off],
    [limit, { type: 'limitReset' }, { state: 'connecting', since: 50, failures: 0, reconnecting: true }],
    [on, { type: 'limitReset' }, on],
    [on, { type: 'disable' }, { state: 'off', since: 50 }],
    [limit, { type: 'disable' }, { state: 'off', since: 50 }],
    [loggedOut, { type: 'disable' }, loggedOut],
    [on, { type: 'signedOut' }, { state: 'loggedOut', since: 50 }],
    [
      loggedOut,
      { type: 'signedIn', wantsVpn: true },
      { state: 'connecting', since: 50, failures: 0, reconnecting: false },
    ],
    [loggedOut, { type: 'signedIn', wantsVpn: false }, { state: 'off', since: 50 }],
    [on, { type: 'signedIn', wantsVpn: false }, on],
  ];

  it.each(cases)('%j + %j → %j', (from, event, expected) => {
    expect(transition(from, event, 50)).toEqual(expected);
  });

  it('returns the same record when nothing changes, so no write is needed', () => {
    expect(transition(off, { type: 'disable' }, 77)).toBe(off);
    expect(transition(on, { type: 'healthy', exitAddress: '198.51.100.1' }, 77)).toBe(on);
    expect(transition(error, { type: 'failed', reason: 'gatewayUnreachable' }, 77)).toBe(error);
    expect(transition(limit, { type: 'limitReached', resetAt: 99 }, 77)).toBe(limit);
  });

  it('keeps when reconnecting began while it retries', () => {
    const first = transition(on, { type: 'failed', reason: 'gatewayUnreachable' }, 10);
    const second = transition(first, { type: 'failed', reason: 'gatewayUnreachable' }, 20);
    expect(second).toEqual({ state: 'connecting', since: 10, failures: 2, reconnecting: true });
    expect(transition(second, { type: 'failed', reason: 'gatewayUnreachable' }, 30)).toEqual({
      state: 'error',
      since: 30,
      reason: 'gatewayUnreachable',
    });
  });

  it('carries only what belongs to each state', () => {
    expect(transition(error, { type: 'disable' }, 5)).toEqual({ state: 'off', since: 5 });
    expect(transition(on, { type: 'limitReached', resetAt: 9 }, 5)).toEqual({
      state: 'limit',
      since: 5,
      resetAt: 9,
    });
  });
});
