import { useState } from 'preact/hooks';
import type { AppError } from '../src/result';
import { formatSitePattern, parseSitePattern } from '../src/rules';
import { usePage } from '../src/ui';
import type { SectionProps } from './sectionProps';

/** Sites the user trusts despite the threat list (also filled by "Always allow" on the warning page). */
export function AllowListSection({ settings, update }: SectionProps) {
  const { t } = usePage();
  const [entry, setEntry] = useState('');
  const [error, setError] = useState<AppError | null>(null);

  const add = async (event: Event) => {
    event.preventDefault();
    const parsed = parseSitePattern(entry);
    if (!parsed.ok) return setError(parsed.error);
    if (parsed.value.kind === 'subdomains')
      return setError({ code: 'allowWildcard', messageKey: 'allowListNoWildcard' });
    setError(null);
    const host = formatSitePattern({ ...parsed.value, kind: 'domain' }).replace(/^\[|\]$/g, '');
    if (settings.allowList.includes(host) || (await update({ allowList: [...settings.allowList, host] })))
      setEntry('');
  };

  return (
    <section aria-labelledby="allow-heading">
      <h2 id="allow-heading">{t('sectionAllowList')}</h2>
      <p class="muted">{t('allowListHint')}</p>
      <form class="row" onSubmit={(e) => void add(e)}>
        <input
          id="allow-entry"
          type="text"
          aria-label={t('rulePattern')}
          value={entry}
          onInput={(e) => setEntry(e.currentTarget.value)}
        />
        <button type="submit">{t('ruleAdd')}</button>
      </form>
      {error ? (
        <p class="notice error" role="alert">
          {t(error.messageKey, error.substitutions)}
        </p>
      ) : null}
      <ul class="rules" data-testid="allow-list">
        {settings.allowList.map((host) => (
          <li key={host} class="row">
            <span class="rule-pattern">{host}</span>
            <button
              type="button"
              class="secondary"
              aria-label={t('ruleDeleteLabel', [host])}
              onClick={() => void update({ allowList: settings.allowList.filter((h) => h !== host) })}
            >
              {t('ruleDelete')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
