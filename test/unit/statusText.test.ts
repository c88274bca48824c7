import { describe, expect, it } from 'vitest';
import { choiceName, placeName } from '../../src/status';
import { formatMoment } from '../../src/format';

const t = (key: string) => `<${key}>`;

describe('region line', () => {
  it.each([
    ['de', 'Frankfurt', 'en', 'Frankfurt, Germany'],
    ['de', 'Frankfurt', 'ru', 'Frankfurt, Германия'],
    ['nl', '', 'en', 'Netherlands'],
    // Not a country code: the city alone, never the bare code.
    ['local', 'Local gateway', 'en', 'Local gateway'],
  ])('%s/%s in %s → %s', (region, city, language, expected) => {
    expect(placeName(region, city, language)).toBe(expected);
  });

  it('names a choice, never as a bare code', () => {
    expect(choiceName('optimal', t, 'en')).toBe('<regionOptimal>');
    expect(choiceName('self-hosted', t, 'en')).toBe('<regionSelfHosted>');
    expect(choiceName('de', t, 'en')).toBe('Germany');
    expect(choiceName('local', t, 'en', 'Local gateway')).toBe('Local gateway');
  });
});

describe('reset time', () => {
  const now = Date.parse('2026-11-30T15:00:00Z');
  const midnightUtc = Date.parse('2026-12-01T00:00:00Z');

  it("uses the user's time zone and language, with the day when it is not today", () => {
    expect(formatMoment(midnightUtc, 'en', now, 'Europe/Berlin')).toBe('Tue, Dec 1, 01:00 AM');
    expect(formatMoment(midnightUtc, 'ru', now, 'Europe/Moscow')).toBe('вт, 1 дек., 03:00');
  });

  it('gives the time alone when it is still today where the user is', () => {
    expect(formatMoment(midnightUtc, 'en', now, 'America/New_York')).toBe('07:00 PM');
    expect(formatMoment(midnightUtc, 'ru', now, 'America/New_York')).toBe('19:00');
  });
});
