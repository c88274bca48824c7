import { strings } from './strings';

const DAY_MS = 86_400_000;

/** How long ago something happened, in whole days as people say it ("today", "yesterday", "3 days ago"). */
export function daysAgo(iso: string, now: number): string {
  const days = Math.max(0, Math.floor((now - Date.parse(iso)) / DAY_MS));
  if (days === 0) return strings.device.today;
  if (days === 1) return strings.device.yesterday;
  return strings.device.daysAgo(days);
}
