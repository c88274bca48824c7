import type { ConnectionRecord, ErrorReason } from './states';

/** Everything that moves the connection from one state to another. */
export type ConnectionEvent =
  | { type: 'enable' }
  | { type: 'disable' }
  | { type: 'healthy'; exitAddress?: string }
  | { type: 'failed'; reason: ErrorReason }
  | { type: 'limitReached'; resetAt: number }
  | { type: 'limitReset' }
  | { type: 'signedOut' }
  | { type: 'signedIn'; wantsVpn: boolean };

const at = (now: number, record: Omit<ConnectionRecord, 'since'>): ConnectionRecord => ({
  ...record,
  since: now,
});

/**
 * The state machine of DESIGN.md: `off → connecting → on`, `on → error`, `on → limit`, `loggedOut`.
 * Pure: the background persists what this returns and applies routing for it. An event that does not apply
 * in the current state returns the record unchanged (same object), so callers can skip needless writes.
 */
export function transition(current: ConnectionRecord, event: ConnectionEvent, now: number): ConnectionRecord {
  const { state } = current;
  switch (event.type) {
    case 'enable':
      return state === 'off' || state === 'error' ? at(now, { state: 'connecting' }) : current;
    case 'disable':
      return state === 'loggedOut' || state === 'off' ? current : at(now, { state: 'off' });
    case 'healthy':
      if (state !== 'connecting' && state !== 'error' && state !== 'on') return current;
      if (state === 'on' && current.exitAddress === event.exitAddress) return current;
      return at(
        now,
        event.exitAddress === undefined ? { state: 'on' } : { state: 'on', exitAddress: event.exitAddress },
      );
    case 'failed':
      if (state !== 'connecting' && state !== 'on' && state !== 'error') return current;
      return state === 'error' && current.reason === event.reason
        ? current
        : at(now, { state: 'error', reason: event.reason });
    case 'limitReached':
      return state === 'loggedOut' || state === 'off'
        ? current
        : at(now, { state: 'limit', limitResetAt: event.resetAt });
    case 'limitReset':
      return state === 'limit' ? at(now, { state: 'connecting' }) : current;
    case 'signedOut':
      return state === 'loggedOut' ? current : at(now, { state: 'loggedOut' });
    case 'signedIn':
      return state === 'loggedOut' ? at(now, { state: event.wantsVpn ? 'connecting' : 'off' }) : current;
  }
}
