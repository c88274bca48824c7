import { countryName } from '../format/numbers';
import { OPTIMAL_REGION, SELF_HOSTED_REGION } from '../settings/regions';

type Translate = (key: string, substitutions?: string[]) => string;

export { countryName };

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
