import { Toggle, usePage } from '../src/ui';
import { AllowListSection } from './AllowListSection';
import type { SectionProps } from './sectionProps';
import { ThreatDatabaseSection } from './ThreatDatabaseSection';

/** Warnings before malicious sites: the switch, the threat database behind it, and the sites the user trusts. */
export function WebProtectionSection({ settings, update }: SectionProps) {
  const { t } = usePage();
  return (
    <>
      <div class="group">
        <Toggle
          id="protection-enabled"
          label={t('protectionEnabled')}
          hint={t('protectionEnabledHint')}
          checked={settings.protectionEnabled}
          onChange={(protectionEnabled) => void update({ protectionEnabled })}
        />
      </div>
      <ThreatDatabaseSection />
      <AllowListSection settings={settings} update={update} />
    </>
  );
}
