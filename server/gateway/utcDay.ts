const DAY_MS = 24 * 60 * 60 * 1000;

// Asked on every metered chunk of traffic: remember the last answer instead of formatting a Date each time.
let memo = { dayNumber: Number.NaN, day: '' };

/** Daily allowances reset at midnight UTC, the same instant for every gateway and the account service. */
export const utcDay = (at: number): string => {
  const dayNumber = Math.floor(at / DAY_MS);
  if (dayNumber !== memo.dayNumber)
    memo = { dayNumber, day: new Date(dayNumber * DAY_MS).toISOString().slice(0, 10) };
  return memo.day;
};

export const nextUtcMidnight = (at: number): Date => new Date(Math.floor(at / DAY_MS) * DAY_MS + DAY_MS);
