const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago `then` was, in the page's language ("just now" is the caller's own word for under a minute):
 * minutes under an hour, hours under a day, then days ("yesterday", "3 days ago").
 */
export function relativeAge(then: number, now: number, language: string): string | null {
  const elapsed = Math.max(0, now - then);
  if (elapsed < MINUTE) return null;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (elapsed < HOUR) return format.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return format.format(-Math.floor(elapsed / HOUR), 'hour');
  return format.format(-Math.floor(elapsed / DAY), 'day');
}

/** Whole days since `then` (0 within the first day). */
export const ageInDays = (then: number, now: number): number => Math.max(0, Math.floor((now - then) / DAY));
