/** The `performance` mark the popup sets when it first shows the connection status (read by the benchmark). */
export const FIRST_STATUS_MARK = 'rampart:first-status';
/**
 * The mark the popup sets once it has drawn itself and answers input (after its first frame, which shows the
 * status but is inert; popup/firstFrame.tsx). The benchmark prints it beside the first status.
 */
export const POPUP_READY_MARK = 'rampart:popup-ready';
