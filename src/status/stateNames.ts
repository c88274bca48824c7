// The names of the connection states and error reasons, in a module of their own, free of schemas: the popup
// checks the status the background published (../storage/publishedStatus.ts) before zod is loaded (its speed
// budget).

/** The connection states of DESIGN.md's state machine. */
export const connectionStates = ['off', 'connecting', 'on', 'error', 'limit', 'loggedOut'] as const;
export type ConnectionState = (typeof connectionStates)[number];

export const errorReasons = [
  'gatewayUnreachable',
  'credentialsRefused',
  'noGateway',
  'serviceUnreachable',
] as const;
export type ErrorReason = (typeof errorReasons)[number];
