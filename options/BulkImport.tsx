import { useState } from 'preact/hooks';
import { pluralKey } from '../src/format';
import type { AppError } from '../src/result';
import { formatSitePattern, parseRulePattern } from '../src/rules';
import type { SiteAction, SiteRule } from '../src/settings';
import { Button, Notice, usePage } from '../src/ui';
import { ActionSelect } from './ActionSelect';
import type { SectionProps } from './sectionProps';

interface Outcome {
  added: number;
  rejected: { line: string; error: AppError }[];
}

const SHOWN_REFUSALS = 10;

/**
 * Pasting a list: every valid line becomes a rule with the chosen action. The refused lines stay in the box
 * (and only they), each listed with its reason (a port, a path, a local name…), so the person can correct
 * them; the outcome counts both, as information, not an error.
 */
export function BulkImport({ settings, update }: SectionProps) {
  const { t, language } = usePage();
  const [text, setText] = useState('');
  const [action, setAction] = useState<SiteAction>('always');
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = async () => {
    const byPattern = new Map(settings.siteRules.map((rule) => [rule.pattern, rule] as const));
    const rejected: Outcome['rejected'] = [];
    let added = 0;
    for (const line of text.split(/\r?\n/)) {
      const entry = line.replace(/#.*/, '').trim();
      if (entry === '') continue;
      const parsed = parseRulePattern(entry);
      if (!parsed.ok) {
        rejected.push({ line: entry, error: parsed.error });
        continue;
      }
      const pattern = formatSitePattern(parsed.value);
      byPattern.delete(pattern);
      byPattern.set(pattern, { pattern, action } satisfies SiteRule);
      added++;
    }
    if (added > 0 && !(await update({ siteRules: [...byPattern.values()] }))) return;
    setOutcome({ added, rejected });
    setText(rejected.map((r) => r.line).join('\n'));
  };
  const count = (base: string, n: number) => t(pluralKey(base, n, language), [String(n)]);

  return (
    <details class="bulk">
      <summary>{t('bulkImport')}</summary>
      <textarea
        id="bulk-rules"
        class="input code"
        rows={6}
        aria-label={t('bulkImport')}
        placeholder={t('bulkImportHint')}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <div class="row">
        <ActionSelect id="bulk-action" value={action} onChange={setAction} />
        <Button disabled={text.trim() === ''} onClick={() => void run()}>
          {t('bulkImportRun')}
        </Button>
      </div>
      {outcome ? (
        <Notice kind={outcome.rejected.length ? 'info' : 'success'} testId="bulk-outcome">
          <p data-testid="bulk-summary">
            {count('bulkImportAdded', outcome.added)}
            {outcome.rejected.length ? ` ${count('bulkImportRefused', outcome.rejected.length)}` : ''}
          </p>
          {outcome.rejected.length ? (
            <ul data-testid="bulk-refused">
              {outcome.rejected.slice(0, SHOWN_REFUSALS).map(({ line, error }, i) => (
                <li key={i}>
                  <code>{line}</code> — {t(error.messageKey, error.substitutions)}
                </li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
    </details>
  );
}
