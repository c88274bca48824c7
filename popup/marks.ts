/** The `performance` mark the popup sets when it first shows the connection status (read by the benchmark). */
export const FIRST_STATUS_MARK = 'rampart:first-status';
/**
 * The mark the popup sets once it has drawn itself and answers input (after its first frame, which shows the
 * status but is inert; ./publishedFrame.ts). The benchmark prints it beside the first status.
 */
export const POPUP_READY_MARK = 'rampart:popup-ready';

/** What the popup first drew, kept with its mark: the e2e tests check it. */
export interface FirstStatus {
  state: string;
  /** Drawn from the status the background published (src/storage/publishedStatus.ts), not from its reply. */
  published: boolean;
  /** The language it was drawn in. */
  language: string;
}

/** Marks the popup's first status, unless it was already drawn (the first frame draws before the popup). */
export function markFirstStatus(first: FirstStatus): void {
  if (performance.getEntriesByName(FIRST_STATUS_MARK, 'mark').length > 0) return;
  performance.mark(FIRST_STATUS_MARK, { detail: first });
}
