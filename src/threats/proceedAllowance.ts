/**
 * "Proceed to this site" from the warning page lasts this long; then the warning returns. Declared here so
 * the background that grants it and the page that promises it say the same duration.
 */
export const PROCEED_ALLOWANCE_MINUTES = 10;
export const PROCEED_ALLOWANCE_MS = PROCEED_ALLOWANCE_MINUTES * 60 * 1000;
