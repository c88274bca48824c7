import type { ConnectionRecord, ErrorReason } from './states';

/** Everything that moves the connection from one state to another. */
export type ConnectionEvent =
  | { type: 'enable' }
  /** The VPN was left on when the browser closed (or the extension updated): restore it. */
  | { type: 'resume' }
  | { type: 'disable' }
  | { type: 'healthy'; exitAddress?: string }
  | { type: 'failed'; reason: ErrorReason }
  | { type: 'limitReached'; resetAt: number }
  | { type: 'limitReset' }
  | { type: 'signedOut' }
  | { type: 'signedIn'; wantsVpn: boolean };

/** Failed checks in a row before "Connecting…"/"Reconnecting…" gives up with the reason. */
export const MAX_CONNECT_ATTEMPTS = 3;

/** Reasons that trying again cannot fix: no gateway is listed for the chosen region. */
const hopeless = (reason: ErrorReason) => reason === 'noGateway';

const connecting = (now: number, reconnecting: boolean, failures = 0): ConnectionRecord => ({
  state: 'connecting',
  since: now,
  failures,
  reconnecting,
});

const failed = (current: ConnectionRecord, reason: ErrorReason, now: number): ConnectionRecord => {
  switch (current.state) {
    case 'on':
      return hopeless(reason) ? { state: 'error', since: now, reason } : connecting(now, true, 1);
    case 'connecting': {
      const failures = current.failures + 1;
      if (hopeless(reason) || failures >= MAX_CONNECT_ATTEMPTS) return { state: 'error', since: now, reason };
      // Same state, one more failure: `since` stays, so the UI can say how long it has been trying.
      return { ...current, failures };
    }
    case 'error':
      return current.reason === reason ? current : { state: 'error', since: now, reason };
    default:
      return current;
  }
};

/**
 * The state machine of DESIGN.md: `off → connecting → on`, `on → connecting (reconnecting) → error`,
 * `on → limit`, `loggedOut`. Pure: the background persists what this returns and applies routing for it. An
 * event that does not apply in the current state returns the record unchanged (same object), so callers can
 * skip needless writes.
 */
export function transition(current: ConnectionRecord, event: ConnectionEvent, now: number): ConnectionRecord {
  const { state } = current;
  switch (event.type) {
    case 'enable':
      return state === 'off' || state === 'error' ? connecting(now, false) : current;
    case 'resume':
      return state === 'off' || state === 'error' ? connecting(now, true) : current;
    case 'disable':
      return state === 'loggedOut' || state === 'off' ? current : { state: 'off', since: now };
    case 'healthy':
      if (state !== 'connecting' && state !== 'error' && state !== 'on') return current;
      if (state === 'on' && current.exitAddress === event.exitAddress) return current;
      return event.exitAddress === undefined
        ? { state: 'on', since: now }
        : { state: 'on', since: now, exitAddress: event.exitAddress };
    case 'failed':
      return failed(current, event.reason, now);
    case 'limitReached':
      if (state === 'loggedOut' || state === 'off') return current;
      return state === 'limit' && current.resetAt === event.resetAt
        ? current
        : { state: 'limit', since: now, resetAt: event.resetAt };
    case 'limitReset':
      return state === 'limit' ? connecting(now, true) : current;
    case 'signedOut':
      return state === 'loggedOut' ? current : { state: 'loggedOut', since: now };
    case 'signedIn':
      if (state !== 'loggedOut') return current;
      return event.wantsVpn ? connecting(now, false) : { state: 'off', since: now };
  }
}
