import { activeLanguage } from './i18n';

const DAY_MS = 86_400_000;

/** How long ago something happened, in whole days as people say it ("today", "yesterday", "3 days ago"). */
export function daysAgo(iso: string, now: number): string {
  const days = Math.max(0, Math.floor((now - Date.parse(iso)) / DAY_MS));
  return new Intl.RelativeTimeFormat(activeLanguage(), { numeric: 'auto' }).format(-days, 'day');
}
