import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCountry,
  formatDate,
  formatDateTime,
  formatDay,
  formatMinutes,
  formatTime,
  pluralKey,
} from '../../../src/format';

const midnight = '2026-12-01T00:00:00.000Z';
const utc = { timeZone: 'UTC' };

describe('formatBytes', () => {
  it.each([
    [0, 'en', '0 bytes'],
    [999, 'en', '999 bytes'],
    [1234, 'en', '1.2 kB'],
    [9_960_000, 'en', '10 MB'],
    [200_000_000, 'en', '200 MB'],
    [5_500_000_000, 'en', '5.5 GB'],
    [300_000_000, 'ru', '300 МБ'],
    [1_500_000, 'ru', '1,5 МБ'],
    [999, 'ru', '999 байт'],
  ])('%d in %s → %s', (bytes, language, expected) => expect(formatBytes(bytes, language)).toBe(expected));
});

describe('dates and times', () => {
  it('say a moment the way each language does', () => {
    expect(formatDateTime(midnight, 'en', utc)).toBe('Dec 1, 2026, 12:00 AM');
    expect(formatDateTime(midnight, 'ru', utc)).toBe('1 дек. 2026 г., 00:00');
    expect(formatDate(midnight, 'en', utc)).toBe('December 1, 2026');
    expect(formatDate(midnight, 'ru', utc)).toBe('1 декабря 2026 г.');
    expect(formatTime(Date.parse(midnight), 'en', utc)).toBe('12:00 AM');
    expect(formatTime(new Date(midnight), 'ru', utc)).toBe('00:00');
  });

  it('labels a UTC day whatever the reader’s time zone', () => {
    expect(formatDay('2026-12-01', 'en')).toBe('Dec 1');
    expect(formatDay('2026-12-01', 'ru')).toBe('1 дек.');
  });
});

describe('numbers and names', () => {
  it('spells durations, countries and plural forms in the language', () => {
    expect(formatMinutes(10, 'en')).toBe('10 minutes');
    expect(formatMinutes(10, 'ru')).toBe('10 минут');
    expect(formatCountry('de', 'en')).toBe('Germany');
    expect(formatCountry('DE', 'ru')).toBe('Германия');
    expect(formatCountry('local', 'en')).toBe('local');
    expect([1, 2, 5, 21].map((n) => pluralKey('k', n, 'ru'))).toEqual(['k_one', 'k_few', 'k_many', 'k_one']);
    expect([1, 2].map((n) => pluralKey('k', n, 'en'))).toEqual(['k_one', 'k_other']);
  });
});
