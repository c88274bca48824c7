import { useEffect, useState } from 'preact/hooks';
import type { RegionList } from '../src/messages';
import type { AppError } from '../src/result';
import { OPTIMAL_REGION, SELF_HOSTED_REGION } from '../src/settings';
import { usePage } from '../src/ui';

/** The region list with search; without a subscription only "Optimal" can be picked, the rest show locked. */
export function RegionPicker({ onChanged }: { onChanged(): void }) {
  const { t, send } = usePage();
  const [list, setList] = useState<RegionList | null>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    void send({ type: 'listRegions' }).then((reply) => reply.ok && setList(reply.value));
  }, [send]);

  if (!list) return null;
  const label = (region: string) =>
    region === OPTIMAL_REGION
      ? t('regionOptimal')
      : region === SELF_HOSTED_REGION
        ? t('regionSelfHosted')
        : region;
  const choose = async (region: string) => {
    const reply = await send({ type: 'selectRegion', region });
    if (!reply.ok) return setError(reply.error);
    setList(reply.value);
    setError(null);
    setOpen(false);
    onChanged();
  };
  const needle = query.trim().toLowerCase();
  const regions = list.regions.filter((r) => `${r.region} ${r.city}`.toLowerCase().includes(needle));
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
        {t('regionLabel', [label(list.selected)])}
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
                <button
                  type="button"
                  class="link"
                  disabled={r.locked}
                  title={r.locked ? t('errorRegionLocked') : ''}
                  onClick={() => void choose(r.region)}
                >
                  {r.locked ? '🔒 ' : ''}
                  {r.region} · {r.city}
                </button>
              </li>
            ))}
          </ul>
          {!list.canChoose ? <p class="muted">{t('errorRegionLocked')}</p> : null}
        </div>
      ) : null}
      {error ? <p class="notice error">{t(error.messageKey, error.substitutions)}</p> : null}
    </section>
  );
}
