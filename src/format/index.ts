// Dates, times, sizes and numbers in the reader's language, through Intl: the one place the popup, options,
// warning page and portal format them, so a Russian page never shows "12/1/2026, 12:00:00 AM" or "MB".
export { formatBytes } from './bytes';
export {
  formatAge,
  formatDate,
  formatDateTime,
  formatDay,
  formatMoment,
  formatTime,
  type Moment,
} from './dates';
export { countryName, formatCount, formatCountry, formatMinutes, pluralKey } from './numbers';
