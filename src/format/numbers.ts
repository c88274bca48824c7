/** A duration in whole minutes, spelt out: "10 minutes" / "10 минут". */
export const formatMinutes = (minutes: number, language: string): string =>
  new Intl.NumberFormat(language, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes);

/** A count with the language's grouping: "12,345" / "12 345". */
export const formatCount = (value: number, language: string): string =>
  new Intl.NumberFormat(language).format(value);

/** The country a two-letter code names ("de" → "Germany" / "Германия"), or null when it names none. */
export function countryName(code: string, language: string): string | null {
  if (!/^[A-Za-z]{2}$/.test(code)) return null;
  try {
    return (
      new Intl.DisplayNames([language, 'en'], { type: 'region', fallback: 'none' }).of(code.toUpperCase()) ??
      null
    );
  } catch {
    return null;
  }
}

/** A country or region code as its name: "DE" → "Germany" / "Германия"; unknown codes come back as given. */
export const formatCountry = (code: string, language: string): string => countryName(code, language) ?? code;

/**
 * The message key for a count in the language's plural form: `base_one`, `base_few`, `base_many` or
 * `base_other` (Intl.PluralRules), since the browser's message format has no plurals of its own.
 */
export const pluralKey = (base: string, count: number, language: string): string =>
  `${base}_${new Intl.PluralRules(language).select(count)}`;
