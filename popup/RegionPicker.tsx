import { useEffect, useState } from 'preact/hooks';
import type { RegionList } from '../src/messages';
import type { AppError } from '../src/result';
import { OPTIMAL_REGION, SELF_HOSTED_REGION } from '../src/settings';
import { choiceName, placeName, type ConnectionStatus } from '../src/status';
import { useChanges, usePage } from '../src/ui';

/** A padlock drawn with SVG, so it renders without an emoji font; the words next to it say why. */
const Lock = () => (
  <svg class="lock" width="10" height="12" viewBox="0 0 10 12" aria-hidden="true">
    <path d="M2.5 5V3.5a2.5 2.5 0 0 1 5 0V5" fill="none" stroke="currentColor" stroke-width="1.4" />
    <rect x="1" y="5" width="8" height="6.5" rx="1.2" fill="currentColor" />
  </svg>
);

/**
 * The one region line: where traffic goes out while connected ("Frankfurt, Germany"), the choice otherwise
 * ("Optimal"). Opens the list; without a subscription only "Optimal" can be picked, and each locked region
 * says so in words a keyboard user reaches too.
 */
export function RegionPicker({ status, onChanged }: { status: ConnectionStatus; onChanged(): void }) {
  const { t, send, language = 'en' } = usePage();
  const revision = useChanges();
  const [list, setList] = useState<RegionList | null>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    void send({ type: 'listRegions' }).then((reply) => reply.ok && setList(reply.value));
  }, [send, revision]);

  if (!list) return null;
  const label = (region: string) => {
    const city = list.regions.find((r) => r.region === region)?.city;
    return choiceName(region, t, language, city);
  };
  const line =
    status.state === 'on' && status.gateway
      ? placeName(status.gateway.region, status.gateway.city, language)
      : label(list.selected);
  const choose = async (region: string) => {
    const reply = await send({ type: 'selectRegion', region });
    if (!reply.ok) return setError(reply.error);
    setList(reply.value);
    setError(null);
    setOpen(false);
    onChanged();
  };
  const needle = query.trim().toLowerCase();
  const named = list.regions.map((r) => ({ ...r, name: placeName(r.region, r.city, language) }));
  const regions = named.filter((r) => `${r.name} ${r.region}`.toLowerCase().includes(needle));
  const fixed = [OPTIMAL_REGION, ...(list.selfHosted ? [SELF_HOSTED_REGION] : [])];

  return (
    <section class="regions">
      <button
        type="button"
        class="secondary"
        data-testid="region-button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {t('regionNow', [line])}
      </button>
      {open ? (
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
                  class="link"
                  aria-current={list.selected === region}
                  onClick={() => void choose(region)}
                >
                  {label(region)}
                </button>
              </li>
            ))}
            {regions.map((r) => (
              <li key={r.region}>
                {/* Locked regions stay focusable (aria-disabled, not disabled) so the reason is reachable. */}
                <button
                  type="button"
                  class={r.locked ? 'link locked' : 'link'}
                  aria-disabled={r.locked}
                  aria-describedby={r.locked ? 'region-locked-why' : undefined}
                  aria-current={list.selected === r.region}
                  data-testid={`region-${r.region}`}
                  onClick={() => (r.locked ? setError(null) : void choose(r.region))}
                >
                  {r.name}
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
    </section>
  );
}
