/** The UTC calendar day ("2026-11-23"): daily traffic limits reset at midnight UTC. */
export const utcDay = (now: Date): string => now.toISOString().slice(0, 10);

export const nextUtcMidnight = (now: Date): Date =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));

export const addSeconds = (date: Date, seconds: number): Date => new Date(date.getTime() + seconds * 1000);
