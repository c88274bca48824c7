/** The connection states of DESIGN.md's state machine. */
export const connectionStates = ['off', 'connecting', 'on', 'error', 'limit', 'loggedOut'] as const;
export type ConnectionState = (typeof connectionStates)[number];

/** What the popup needs to draw the connection at a glance. */
export interface ConnectionStatus {
  state: ConnectionState;
  version: string;
  protectionEnabled: boolean;
}
