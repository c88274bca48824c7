import { useEffect, useState } from 'preact/hooks';

/**
 * The flags of the countries gateways are run in, each its own small SVG from `flag-icons`, loaded only
 * when shown (never the package's stylesheet of every flag). A region without a flag here (a self-hosted or
 * test gateway, a country not listed) shows a globe instead.
 */
const flags = import.meta.glob<string>(
  '../node_modules/flag-icons/flags/4x3/{at,au,be,bg,br,ca,ch,cz,de,dk,ee,es,fi,fr,gb,hk,ie,il,in,it,jp,kr,lt,lu,lv,md,mx,nl,no,nz,pl,pt,ro,rs,se,sg,sk,tr,ua,us,za}.svg',
  { query: '?url', import: 'default' },
);

const loaderFor = (region: string) =>
  /^[a-z]{2}$/i.test(region)
    ? flags[`../node_modules/flag-icons/flags/4x3/${region.toLowerCase()}.svg`]
    : undefined;

const Globe = () => (
  <svg class="flag globe" viewBox="0 0 24 18" aria-hidden="true">
    <rect width="24" height="18" rx="2" fill="var(--bg-soft)" />
    <g fill="none" stroke="var(--muted)" stroke-width="1.2">
      <circle cx="12" cy="9" r="6" />
      <path d="M6 9h12M12 3c-2.2 2.2-2.2 9.8 0 12M12 3c2.2 2.2 2.2 9.8 0 12" />
    </g>
  </svg>
);

/** A country's flag beside its name (decorative: the name says the country). */
export function Flag({ region }: { region: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const load = loaderFor(region);
    setUrl(null);
    if (!load) return;
    let current = true;
    void load().then((loaded) => current && setUrl(loaded));
    return () => {
      current = false;
    };
  }, [region]);
  if (!loaderFor(region)) return <Globe />;
  return url ? <img class="flag" src={url} alt="" data-flag={region.toLowerCase()} /> : <span class="flag" />;
}
