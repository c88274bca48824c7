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
