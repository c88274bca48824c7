const DAY_MS = 24 * 60 * 60 * 1000;

/** Daily allowances reset at midnight UTC, the same instant for every gateway and the account service. */
export const utcDay = (at: number): string => new Date(at).toISOString().slice(0, 10);

export const nextUtcMidnight = (at: number): Date => new Date(Math.floor(at / DAY_MS) * DAY_MS + DAY_MS);
