import { siteActions, type SiteAction } from '../src/settings';
import { Select, usePage } from '../src/ui';

/** What a site rule does: always through the VPN, never, or ask. */
export function ActionSelect({
  id,
  value,
  onChange,
  label,
}: {
  id: string;
  value: SiteAction;
  onChange(action: SiteAction): void;
  /** Names the rule in a list row, where "Action" alone would not say which. */
  label?: string;
}) {
  const { t } = usePage();
  return (
    <Select
      id={id}
      ariaLabel={label ?? t('ruleAction')}
      value={value}
      options={siteActions.map((action) => ({ value: action, label: t(`ruleAction_${action}`) }))}
      onChange={onChange}
    />
  );
}
