import type { Settings, SettingsPatch } from '../src/settings';
import { Notice, usePage, useSettings } from '../src/ui';
import { AboutSection } from './AboutSection';
import { AccountSection } from './AccountSection';
import { BackupSection } from './BackupSection';
import { BrowserAccessNotice } from './BrowserAccessNotice';
import { CategoriesSection } from './CategoriesSection';
import { GeneralSection } from './GeneralSection';
import { OptionsNav } from './OptionsNav';
import { SectionView } from './SectionView';
import { sections, type SectionId } from './sections';
import { SelfHostedGatewaySection } from './SelfHostedGatewaySection';
import { SiteRulesSection } from './SiteRulesSection';
import { useHashSection } from './useHashSection';
import { WebProtectionSection } from './WebProtectionSection';

interface SectionContent {
  settings: Settings;
  update(patch: SettingsPatch): Promise<boolean>;
  replaceWith(settings: Settings): void;
}

function content(id: SectionId, { settings, update, replaceWith }: SectionContent) {
  switch (id) {
    case 'general':
      return <GeneralSection settings={settings} update={update} />;
    case 'site-rules':
      return <SiteRulesSection settings={settings} update={update} />;
    case 'categories':
      return <CategoriesSection settings={settings} update={update} />;
    case 'web-protection':
      return <WebProtectionSection settings={settings} update={update} />;
    case 'account':
      return <AccountSection />;
    case 'own-gateway':
      return <SelfHostedGatewaySection settings={settings} update={update} />;
    case 'backup':
      return <BackupSection onImported={replaceWith} />;
    case 'about':
      return <AboutSection />;
  }
}

/**
 * The settings page: the sections in a navigation (beside the page from 720 px, above it when narrow) and the
 * one the URL hash names, so `options/index.html#site-rules` opens the site rules. What the browser withholds
 * (site access, private windows) is said above every section.
 */
export function Options() {
  const { t } = usePage();
  const { settings, error, update, replaceWith } = useSettings();
  const current = useHashSection();
  const section = sections.find((s) => s.id === current) ?? sections[0];

  return (
    <div class="options">
      <header class="options-header">
        <img src="/icons/icon-48.png" alt="" width={32} height={32} />
        <h1>{t('optionsTitle')}</h1>
      </header>
      <div class="options-body">
        <OptionsNav current={current} />
        <main class="options-main">
          {error ? (
            <Notice kind="error" testId="settings-error">
              <p>{t(error.messageKey, error.substitutions)}</p>
            </Notice>
          ) : null}
          <BrowserAccessNotice />
          {settings ? (
            <SectionView key={section.id} section={section}>
              {content(section.id, { settings, update, replaceWith })}
            </SectionView>
          ) : (
            <p class="muted">{t('loading')}</p>
          )}
        </main>
      </div>
    </div>
  );
}
