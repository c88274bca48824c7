import { useState } from 'preact/hooks';
import type { AppError } from '../src/result';
import { formatSitePattern, parseSitePattern } from '../src/rules';
import { Button, Field, TextInput, usePage } from '../src/ui';
import { Group } from './Group';
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
    <Group id="allow" title={t('sectionAllowList')} hint={t('allowListHint')}>
      <form class="inline-form" onSubmit={(e) => void add(e)} noValidate>
        <Field
          id="allow-entry"
          label={t('rulePattern')}
          error={error && t(error.messageKey, error.substitutions)}
        >
          <TextInput
            id="allow-entry"
            code
            placeholder="example.com"
            aria-invalid={error !== null}
            value={entry}
            onValue={setEntry}
          />
        </Field>
        <Button type="submit">{t('allowListAdd')}</Button>
      </form>
      {settings.allowList.length > 0 ? (
        <ul class="rules" data-testid="allow-list">
          {settings.allowList.map((host) => (
            <li key={host} class="rule">
              <span class="rule-pattern">
                <bdi dir="ltr">{host}</bdi>
              </span>
              <Button
                variant="secondary"
                aria-label={t('ruleDeleteLabel', [host])}
                onClick={() => void update({ allowList: settings.allowList.filter((h) => h !== host) })}
              >
                {t('ruleDelete')}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty" data-testid="allow-list-empty">
          {t('allowListEmpty')}
        </p>
      )}
    </Group>
  );
}
