/**
 * The two-step key as people type it into an authenticator app by hand: groups of four, e.g.
 * "JBSW Y3DP EHPK 3PXP". Apps ignore the spaces; the grouping only keeps the reader's place.
 */
export const groupInFours = (key: string): string =>
  (key.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
