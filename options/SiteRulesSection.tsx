import { useState } from 'preact/hooks';
import type { AppError } from '../src/result';
import { formatSitePattern, parseRulePattern } from '../src/rules';
import type { SiteAction, SiteRule } from '../src/settings';
import { Button, Field, hintId, TextInput, usePage } from '../src/ui';
import { ActionSelect } from './ActionSelect';
import { BulkImport } from './BulkImport';
import { RuleList, type AddedRule } from './RuleList';
import type { SectionProps } from './sectionProps';

/** Adds a rule, or replaces the one with the same canonical pattern (the user meant to change it). */
export const withRule = (rules: readonly SiteRule[], rule: SiteRule): SiteRule[] => [
  ...rules.filter((r) => r.pattern !== rule.pattern),
  rule,
];

/**
 * Site rules: add, then find, change and delete them in a searchable list paged 50 at a time, and bulk
 * import. Patterns are checked as typed, and a rule the PAC would ignore (a local name or address) is refused
 * with the reason.
 */
export function SiteRulesSection({ settings, update }: SectionProps) {
  const { t } = usePage();
  const [pattern, setPattern] = useState('');
  const [action, setAction] = useState<SiteAction>('always');
  const [error, setError] = useState<AppError | null>(null);
  const [added, setAdded] = useState<AddedRule | null>(null);

  const add = async (event: Event) => {
    event.preventDefault();
    const parsed = parseRulePattern(pattern);
    if (!parsed.ok) return setError(parsed.error);
    setError(null);
    const rule = { pattern: formatSitePattern(parsed.value), action };
    if (await update({ siteRules: withRule(settings.siteRules, rule) })) {
      setPattern('');
      setAdded({ pattern: rule.pattern });
    }
  };

  return (
    <>
      <form class="rule-form" onSubmit={(e) => void add(e)} data-testid="rule-form" noValidate>
        <Field
          id="rule-pattern"
          label={t('rulePattern')}
          hint={t('siteRulesHint')}
          error={error && t(error.messageKey, error.substitutions)}
          errorTestId="rule-error"
        >
          <div class="rule-form-row">
            <TextInput
              id="rule-pattern"
              code
              placeholder="example.com, *.example.com, =www.example.com"
              aria-invalid={error !== null}
              aria-describedby={hintId('rule-pattern')}
              value={pattern}
              onValue={setPattern}
            />
            <ActionSelect id="rule-action" value={action} onChange={setAction} />
            <Button type="submit">{t('ruleAdd')}</Button>
          </div>
        </Field>
      </form>
      <BulkImport settings={settings} update={update} />
      <RuleList settings={settings} update={update} added={added} />
    </>
  );
}
