import { OPTIMAL_REGION, SELF_HOSTED_REGION } from '../settings';

type Translate = (key: string, substitutions?: string[]) => string;

/** The country a region code names ("de" → "Germany"), or null when the code is not a country. */
export function countryName(region: string, language: string): string | null {
  if (!/^[a-z]{2}$/i.test(region)) return null;
  try {
    const name = new Intl.DisplayNames([language, 'en'], { type: 'region', fallback: 'none' }).of(
      region.toUpperCase(),
    );
    return name ?? null;
  } catch {
    return null;
  }
}

/** A gateway's place as people say it: "Frankfurt, Germany"; the city alone when the region is no country. */
export function placeName(region: string, city: string, language: string): string {
  const country = countryName(region, language);
  if (country === null) return city;
  return city.trim() === '' || city === country ? country : `${city}, ${country}`;
}

/** A region choice as people say it: "Optimal", "My own gateway", "Germany" (never a bare code). */
export function choiceName(region: string, t: Translate, language: string, city?: string): string {
  if (region === OPTIMAL_REGION) return t('regionOptimal');
  if (region === SELF_HOSTED_REGION) return t('regionSelfHosted');
  return countryName(region, language) ?? city ?? region;
}
