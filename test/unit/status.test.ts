import { describe, expect, it } from 'vitest';
import {
  transition,
  type ConnectionEvent,
  type ConnectionRecord,
  type ConnectionState,
} from '../../src/status';

const rec = (state: ConnectionState, extra: Partial<ConnectionRecord> = {}): ConnectionRecord => ({
  state,
  since: 1,
  ...extra,
});

describe('connection state machine', () => {
  const cases: [ConnectionState, ConnectionEvent, Partial<ConnectionRecord> & { state: ConnectionState }][] =
    [
      ['off', { type: 'enable' }, { state: 'connecting' }],
      ['error', { type: 'enable' }, { state: 'connecting' }],
      ['on', { type: 'enable' }, { state: 'on' }],
      ['loggedOut', { type: 'enable' }, { state: 'loggedOut' }],
      [
        'connecting',
        { type: 'healthy', exitAddress: '203.0.113.7' },
        { state: 'on', exitAddress: '203.0.113.7' },
      ],
      ['error', { type: 'healthy' }, { state: 'on' }],
      ['off', { type: 'healthy' }, { state: 'off' }],
      ['limit', { type: 'healthy' }, { state: 'limit' }],
      [
        'on',
        { type: 'failed', reason: 'gatewayUnreachable' },
        { state: 'error', reason: 'gatewayUnreachable' },
      ],
      [
        'connecting',
        { type: 'failed', reason: 'credentialsRefused' },
        { state: 'error', reason: 'credentialsRefused' },
      ],
      ['off', { type: 'failed', reason: 'gatewayUnreachable' }, { state: 'off' }],
      ['on', { type: 'limitReached', resetAt: 99 }, { state: 'limit', limitResetAt: 99 }],
      ['off', { type: 'limitReached', resetAt: 99 }, { state: 'off' }],
      ['limit', { type: 'limitReset' }, { state: 'connecting' }],
      ['on', { type: 'limitReset' }, { state: 'on' }],
      ['on', { type: 'disable' }, { state: 'off' }],
      ['limit', { type: 'disable' }, { state: 'off' }],
      ['loggedOut', { type: 'disable' }, { state: 'loggedOut' }],
      ['on', { type: 'signedOut' }, { state: 'loggedOut' }],
      ['loggedOut', { type: 'signedIn', wantsVpn: true }, { state: 'connecting' }],
      ['loggedOut', { type: 'signedIn', wantsVpn: false }, { state: 'off' }],
      ['on', { type: 'signedIn', wantsVpn: false }, { state: 'on' }],
    ];

  it.each(cases)('%s + %j → %j', (from, event, expected) => {
    const next = transition(rec(from), event, 50);
    expect({ ...next, since: undefined }).toEqual({ ...expected, since: undefined });
  });

  it('stamps the time of a real change and returns the same record otherwise', () => {
    const off = rec('off');
    expect(transition(off, { type: 'enable' }, 77).since).toBe(77);
    expect(transition(off, { type: 'disable' }, 77)).toBe(off);
    const on = rec('on', { exitAddress: '198.51.100.1' });
    expect(transition(on, { type: 'healthy', exitAddress: '198.51.100.1' }, 77)).toBe(on);
    const failed = rec('error', { reason: 'gatewayUnreachable' });
    expect(transition(failed, { type: 'failed', reason: 'gatewayUnreachable' }, 77)).toBe(failed);
  });

  it('forgets the error reason and exit address when the state changes', () => {
    const next = transition(rec('error', { reason: 'gatewayUnreachable' }), { type: 'disable' }, 5);
    expect(next).toEqual({ state: 'off', since: 5 });
  });
});
