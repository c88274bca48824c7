/** The `performance` mark the popup sets when it first shows the connection status (read by the benchmark). */
export const FIRST_STATUS_MARK = 'rampart:first-status';
