/** A moment as an ISO string, epoch milliseconds or a Date. */
export type Moment = string | number | Date;

/** Only tests pass `timeZone`; people see their own. */
export interface ZoneOption {
  timeZone?: string;
}

const format = (moment: Moment, language: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(language, options).format(new Date(moment));

const zone = ({ timeZone }: ZoneOption) => (timeZone === undefined ? {} : { timeZone });

/** "Dec 1, 2026, 12:00 AM" / "1 дек. 2026 г., 00:00". */
export const formatDateTime = (moment: Moment, language: string, options: ZoneOption = {}): string =>
  format(moment, language, { dateStyle: 'medium', timeStyle: 'short', ...zone(options) });

/** "December 1, 2026" / "1 декабря 2026 г.". */
export const formatDate = (moment: Moment, language: string, options: ZoneOption = {}): string =>
  format(moment, language, { dateStyle: 'long', ...zone(options) });

/** "12:00 AM" / "00:00". */
export const formatTime = (moment: Moment, language: string, options: ZoneOption = {}): string =>
  format(moment, language, { timeStyle: 'short', ...zone(options) });

/** A calendar day (YYYY-MM-DD, a UTC day) as a short label: "Dec 1" / "1 дек.". */
export const formatDay = (day: string, language: string): string =>
  format(`${day}T00:00:00Z`, language, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/**
 * A moment as people read it in their language and time zone: the time alone when it is today, with the
 * date otherwise ("01:00" / "Tue, 1 Dec, 01:00"). `timeZone` is for tests; pages use the browser's.
 */
export function formatMoment(at: number, language: string, now: number, timeZone?: string): string {
  const zone = timeZone === undefined ? {} : { timeZone };
  const day = (ms: number) =>
    new Intl.DateTimeFormat('en-CA', { ...zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      ms,
    );
  const sameDay = day(at) === day(now);
  return new Intl.DateTimeFormat(language, {
    ...zone,
    ...(sameDay ? {} : { weekday: 'short', day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago `then` was, in the page's language ("just now" is the caller's own word for under a minute):
 * minutes under an hour, hours under a day, then days ("yesterday", "3 days ago").
 */
export function formatAge(then: number, now: number, language: string): string | null {
  const elapsed = Math.max(0, now - then);
  if (elapsed < MINUTE) return null;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (elapsed < HOUR) return format.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return format.format(-Math.floor(elapsed / HOUR), 'hour');
  return format.format(-Math.floor(elapsed / DAY), 'day');
}
