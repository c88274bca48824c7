import { useState } from 'preact/hooks';
import type { AccountStatus } from '../src/messages';
// Leaf modules, not the `settings` and `status` barrels, whose schemas would bring zod into the popup.
import { OPTIMAL_REGION, SELF_HOSTED_REGION } from '../src/settings/regions';
import { choiceName, placeName } from '../src/status/regionName';
import type { ConnectionStatus } from '../src/status/states';
import { useAction, useChanges, useLoad, usePage } from '../src/ui';
import { Flag } from './Flag';
import { TrafficBar } from './TrafficBar';

/** A padlock drawn with SVG, so it renders without an emoji font; the words next to it say why. */
const Lock = () => (
  <svg class="lock" width="10" height="12" viewBox="0 0 10 12" aria-hidden="true">
    <path d="M2.5 5V3.5a2.5 2.5 0 0 1 5 0V5" fill="none" stroke="currentColor" stroke-width="1.4" />
    <rect x="1" y="5" width="8" height="6.5" rx="1.2" fill="currentColor" />
  </svg>
);

interface Props {
  status: ConnectionStatus;
  account: AccountStatus | null;
  onChanged(): void;
}

/**
 * The location card: where traffic goes out while connected (flag, "Frankfurt, Germany", the exit address
 * the gateway saw), the choice otherwise ("Optimal"), and today's traffic against the allowance. The place
 * opens the region list; without a subscription only "Optimal" can be picked, and each locked region says
 * so in words a keyboard user reaches too.
 */
export function RegionPicker({ status, account, onChanged }: Props) {
  const { t, send, language = 'en' } = usePage();
  const revision = useChanges();
  const regions = useLoad(() => send({ type: 'listRegions' }), [send, revision]);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const choose = useAction(async (region: string) => {
    const reply = await send({ type: 'selectRegion', region });
    if (regions.apply(reply)) {
      setOpen(false);
      onChanged();
    }
    return reply;
  });

  // Until the list arrives (or when it cannot be read) the card still says where traffic goes out.
  const list = regions.value ?? { selected: status.region, canChoose: false, regions: [], selfHosted: false };
  const label = (region: string) => {
    const city = list.regions.find((r) => r.region === region)?.city;
    return choiceName(region, t, language, city);
  };
  const connected = status.state === 'on' && status.gateway;
  const place = connected
    ? placeName(status.gateway!.region, status.gateway!.city, language)
    : label(list.selected);
  const flagRegion = connected ? status.gateway!.region : list.selected;
  const needle = query.trim().toLowerCase();
  const named = list.regions.map((r) => ({ ...r, name: placeName(r.region, r.city, language) }));
  const shown = named.filter((r) => `${r.name} ${r.region}`.toLowerCase().includes(needle));
  const fixed = [OPTIMAL_REGION, ...(list.selfHosted ? [SELF_HOSTED_REGION] : [])];
  const error = choose.error;

  return (
    <section class="card location" data-testid="location-card">
      <div class="place">
        <Flag region={flagRegion} />
        <p class="place-text">
          <span class="place-name" data-testid="location-place">
            {place}
          </span>
          {status.state === 'on' && status.exitAddress ? (
            <span class="muted exit" data-testid="exit-address">
              {t('exitAddressLabel', [status.exitAddress])}
            </span>
          ) : (
            <span class="muted exit">{t(connected ? 'regionConnectedTo' : 'regionChosen')}</span>
          )}
        </p>
        {regions.value ? (
          <button
            type="button"
            class="secondary small"
            data-testid="region-button"
            aria-expanded={open}
            aria-label={t('regionChangeLabel', [place])}
            onClick={() => setOpen(!open)}
          >
            {t('regionChange')}
          </button>
        ) : null}
      </div>
      {open && regions.value ? (
        <div class="region-list">
          <input
            type="search"
            placeholder={t('regionSearch')}
            aria-label={t('regionSearch')}
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
          {!list.canChoose ? (
            <p class="muted" id="region-locked-why">
              {t('errorRegionLocked')}
            </p>
          ) : null}
          <ul>
            {fixed.map((region) => (
              <li key={region}>
                <button
                  type="button"
                  class="link region"
                  aria-current={list.selected === region}
                  onClick={() => void choose.run(region)}
                >
                  <Flag region={region} /> {label(region)}
                </button>
              </li>
            ))}
            {shown.map((r) => (
              <li key={r.region}>
                {/* Locked regions stay focusable (aria-disabled, not disabled) so the reason is reachable. */}
                <button
                  type="button"
                  class={r.locked ? 'link region locked' : 'link region'}
                  aria-disabled={r.locked}
                  aria-describedby={r.locked ? 'region-locked-why' : undefined}
                  aria-current={list.selected === r.region}
                  data-testid={`region-${r.region}`}
                  onClick={() => (r.locked ? choose.setError(null) : void choose.run(r.region))}
                >
                  <Flag region={r.region} /> {r.name}
                  {r.locked ? (
                    <span class="lock-note">
                      {' '}
                      <Lock /> {t('regionLockedShort')}
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? <p class="notice error">{t(error.messageKey, error.substitutions)}</p> : null}
      {account ? <TrafficBar account={account} status={status} /> : null}
    </section>
  );
}
