import type { ConnectionState } from '../../status';

/** The mark inside the shield for each state, so the state reads without colour too. */
const marks: Record<ConnectionState, preact.JSX.Element> = {
  // A tick: traffic goes through the VPN.
  on: (
    <path
      d="M16 24.5l5.5 5.5L33 18.5"
      fill="none"
      stroke="currentColor"
      stroke-width="3.4"
      stroke-linecap="round"
      stroke-linejoin="round"
    />
  ),
  // A slash: nothing is protected.
  off: (
    <path
      d="M17 17l14 14M31 17L17 31"
      fill="none"
      stroke="currentColor"
      stroke-width="3.4"
      stroke-linecap="round"
    />
  ),
  // Three dots that pulse (still when the user asks for reduced motion).
  connecting: (
    <g fill="currentColor" class="dots">
      <circle cx="16" cy="24" r="2.8" />
      <circle cx="24" cy="24" r="2.8" />
      <circle cx="32" cy="24" r="2.8" />
    </g>
  ),
  // Two bars: paused at the daily limit.
  limit: (
    <g fill="currentColor">
      <rect x="17" y="16" width="4.6" height="16" rx="1.4" />
      <rect x="26.4" y="16" width="4.6" height="16" rx="1.4" />
    </g>
  ),
  // An exclamation mark: something is wrong.
  error: (
    <g fill="currentColor">
      <rect x="21.8" y="13" width="4.4" height="14" rx="2.2" />
      <circle cx="24" cy="32.5" r="2.6" />
    </g>
  ),
  // A person outline: the device is signed out.
  loggedOut: (
    <g fill="none" stroke="currentColor" stroke-width="3">
      <circle cx="24" cy="19" r="4.5" />
      <path d="M15.5 33c1.5-4.5 4.6-6.5 8.5-6.5s7 2 8.5 6.5" stroke-linecap="round" />
    </g>
  ),
};

/** The large shield at the top of the popup: its colour and mark follow the connection state. */
export function StatusShield({ state }: { state: ConnectionState }) {
  return (
    <svg class="shield" viewBox="0 0 48 48" width="72" height="72" aria-hidden="true" data-shield={state}>
      <path
        class="shield-body"
        d="M24 3.5L40.5 9.6v12.2c0 10.6-7 19.2-16.5 22.7C14.5 41 7.5 32.4 7.5 21.8V9.6L24 3.5z"
      />
      <g class="shield-mark">{marks[state]}</g>
    </svg>
  );
}
