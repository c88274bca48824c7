import { useState } from 'preact/hooks';
import type { AppError } from '../src/result';
import { formatSitePattern, parseRulePattern, parseStoredPattern, unroutableRuleError } from '../src/rules';
import { siteActions, type SiteAction, type SiteRule } from '../src/settings';
import { usePage } from '../src/ui';
import { BulkImport } from './BulkImport';
import type { SectionProps } from './sectionProps';

const PAGE = 200;

/** Adds a rule, or replaces the one with the same canonical pattern (the user meant to change it). */
export const withRule = (rules: readonly SiteRule[], rule: SiteRule): SiteRule[] => [
  ...rules.filter((r) => r.pattern !== rule.pattern),
  rule,
];

/** Why a stored rule never takes effect (a local host, saved by an older version), or null. */
const ineffective = (pattern: string): AppError | null => {
  const parsed = parseStoredPattern(pattern);
  return parsed.ok ? unroutableRuleError(parsed.value) : parsed.error;
};

/**
 * Site rules: add, edit the action, delete, search, and bulk import. Patterns are checked as typed, and a rule
 * the PAC would ignore (a local name or address) is refused with the reason.
 */
export function SiteRulesSection({ settings, update }: SectionProps) {
  const { t } = usePage();
  const [pattern, setPattern] = useState('');
  const [action, setAction] = useState<SiteAction>('always');
  const [error, setError] = useState<AppError | null>(null);
  const [query, setQuery] = useState('');

  const add = async (event: Event) => {
    event.preventDefault();
    const parsed = parseRulePattern(pattern);
    if (!parsed.ok) return setError(parsed.error);
    setError(null);
    if (
      await update({
        siteRules: withRule(settings.siteRules, { pattern: formatSitePattern(parsed.value), action }),
      })
    )
      setPattern('');
  };
  const needle = query.trim().toLowerCase();
  const matching = settings.siteRules.filter((rule) => rule.pattern.includes(needle));

  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">{t('sectionSiteRules')}</h2>
      <p class="muted">{t('siteRulesHint')}</p>
      <form class="row" onSubmit={(e) => void add(e)} data-testid="rule-form">
        <input
          id="rule-pattern"
          type="text"
          placeholder="example.com, *.example.com, =www.example.com"
          aria-label={t('rulePattern')}
          aria-invalid={error !== null}
          value={pattern}
          onInput={(e) => setPattern(e.currentTarget.value)}
        />
        <ActionSelect id="rule-action" value={action} onChange={setAction} />
        <button type="submit">{t('ruleAdd')}</button>
      </form>
      {error ? (
        <p class="notice error" role="alert" data-testid="rule-error">
          {t(error.messageKey, error.substitutions)}
        </p>
      ) : null}
      {settings.siteRules.length > 0 ? (
        <input
          type="search"
          aria-label={t('ruleSearch')}
          placeholder={t('ruleSearch')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      ) : null}
      <ul class="rules" data-testid="rule-list">
        {matching.slice(0, PAGE).map((rule) => (
          <li key={rule.pattern} class="row">
            <span class="rule-pattern">{rule.pattern}</span>
            <IneffectiveNote pattern={rule.pattern} />
            <ActionSelect
              id={`action-${rule.pattern}`}
              value={rule.action}
              onChange={(next) =>
                void update({
                  siteRules: settings.siteRules.map((r) => (r === rule ? { ...r, action: next } : r)),
                })
              }
            />
            <button
              type="button"
              class="secondary"
              aria-label={t('ruleDeleteLabel', [rule.pattern])}
              onClick={() => void update({ siteRules: settings.siteRules.filter((r) => r !== rule) })}
            >
              {t('ruleDelete')}
            </button>
          </li>
        ))}
      </ul>
      {matching.length > PAGE ? (
        <p class="muted">{t('rulesMore', [String(matching.length - PAGE)])}</p>
      ) : null}
      <BulkImport settings={settings} update={update} />
    </section>
  );
}

function IneffectiveNote({ pattern }: { pattern: string }) {
  const { t } = usePage();
  const problem = ineffective(pattern);
  return problem ? (
    <span class="muted" data-testid="rule-ineffective">
      {t(problem.messageKey, problem.substitutions)}
    </span>
  ) : null;
}

export function ActionSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: SiteAction;
  onChange(action: SiteAction): void;
}) {
  const { t } = usePage();
  return (
    <select
      id={id}
      aria-label={t('ruleAction')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as SiteAction)}
    >
      {siteActions.map((a) => (
        <option key={a} value={a}>
          {t(`ruleAction_${a}`)}
        </option>
      ))}
    </select>
  );
}
