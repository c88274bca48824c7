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
