import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatCount } from '../src/format';
import { pageIndexOf, pageOf } from '../src/paging';
import type { AppError } from '../src/result';
import { filterRules, parseStoredPattern, ruleQuery, sortRules, unroutableRuleError } from '../src/rules';
import type { SiteRule } from '../src/settings';
import { Button, TextInput, usePage } from '../src/ui';
import { ActionSelect } from './ActionSelect';
import type { SectionProps } from './sectionProps';

export const RULES_PER_PAGE = 50;

/** Why a stored rule never takes effect (a local host, saved by an older version), or null. */
const ineffective = (pattern: string): AppError | null => {
  const parsed = parseStoredPattern(pattern);
  return parsed.ok ? unroutableRuleError(parsed.value) : parsed.error;
};

/**
 * The saved rules, sorted by host, filtered as the user types and shown 50 at a time with "1–50 of 3,214"
 * and page buttons; only the page shown is rendered, so thousands of rules stay quick. A rule just added is
 * shown on its page and marked.
 */
export interface AddedRule {
  pattern: string;
}

export function RuleList({ settings, update, added }: SectionProps & { added: AddedRule | null }) {
  const { t, language } = usePage();
  const [typed, setTyped] = useState('');
  const [index, setIndex] = useState(0);
  const query = ruleQuery(typed);
  const sorted = useMemo(() => sortRules(settings.siteRules), [settings.siteRules]);
  const matching = useMemo(() => filterRules(sorted, query), [sorted, query]);
  const page = pageOf(matching, index, RULES_PER_PAGE);

  // Show the rule just added where it now sits; clear a search it would not match.
  useEffect(() => {
    if (added === null) return;
    let position = matching.findIndex((rule) => rule.pattern === added.pattern);
    if (position < 0) {
      setTyped('');
      position = sorted.findIndex((rule) => rule.pattern === added.pattern);
    }
    if (position >= 0) setIndex(pageIndexOf(position, RULES_PER_PAGE));
    // Each addition is a new object, so adding the same pattern again moves the page too; nothing else does.
  }, [added]);

  const save = (siteRules: SiteRule[]) => void update({ siteRules });
  const count = (n: number) => formatCount(n, language);

  if (settings.siteRules.length === 0)
    return (
      <p class="empty" data-testid="rule-list-empty">
        {t('rulesEmpty')}
      </p>
    );

  return (
    <div class="rule-list">
      <div class="list-toolbar">
        <TextInput
          id="rule-search"
          type="search"
          aria-label={t('ruleSearch')}
          placeholder={t('ruleSearch')}
          value={typed}
          onValue={(value) => {
            setTyped(value);
            setIndex(0);
          }}
        />
        <p class="list-count" data-testid="rule-count" aria-live="polite">
          {page.total === 0
            ? t('rulesNoMatch', [typed.trim()])
            : t('rulesRange', [count(page.from), count(page.to), count(page.total)])}
        </p>
      </div>
      <ul class="rules" data-testid="rule-list">
        {page.items.map((rule) => (
          <li key={rule.pattern} class={rule.pattern === added?.pattern ? 'rule added' : 'rule'}>
            <span class="rule-pattern">
              <bdi dir="ltr">{rule.pattern}</bdi>
            </span>
            <IneffectiveNote pattern={rule.pattern} />
            <span class="rule-controls">
              <ActionSelect
                id={`action-${rule.pattern}`}
                label={t('ruleActionFor', [rule.pattern])}
                value={rule.action}
                onChange={(next) =>
                  save(
                    settings.siteRules.map((r) => (r.pattern === rule.pattern ? { ...r, action: next } : r)),
                  )
                }
              />
              <Button
                variant="secondary"
                aria-label={t('ruleDeleteLabel', [rule.pattern])}
                onClick={() => save(settings.siteRules.filter((r) => r.pattern !== rule.pattern))}
              >
                {t('ruleDelete')}
              </Button>
            </span>
          </li>
        ))}
      </ul>
      {page.count > 1 ? (
        <nav class="pager" aria-label={t('rulePages')} data-testid="rule-pager">
          <Button
            variant="secondary"
            data-testid="rule-page-previous"
            disabled={page.index === 0}
            onClick={() => setIndex(page.index - 1)}
          >
            {t('pagePrevious')}
          </Button>
          <span class="pager-position" data-testid="rule-page">
            {t('pagePosition', [count(page.index + 1), count(page.count)])}
          </span>
          <Button
            variant="secondary"
            data-testid="rule-page-next"
            disabled={page.index >= page.count - 1}
            onClick={() => setIndex(page.index + 1)}
          >
            {t('pageNext')}
          </Button>
        </nav>
      ) : null}
    </div>
  );
}

function IneffectiveNote({ pattern }: { pattern: string }) {
  const { t } = usePage();
  const problem = ineffective(pattern);
  return problem ? (
    <span class="rule-note" data-testid="rule-ineffective">
      {t(problem.messageKey, problem.substitutions)}
    </span>
  ) : null;
}
