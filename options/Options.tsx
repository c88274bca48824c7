import { usePage, useSettings } from '../src/ui';
import { AccountSection } from './AccountSection';
import { AllowListSection } from './AllowListSection';
import { BackupSection } from './BackupSection';
import { BrowserAccessNotice } from './BrowserAccessNotice';
import { CategoriesSection } from './CategoriesSection';
import { GeneralSection } from './GeneralSection';
import { NotificationsSection } from './NotificationsSection';
import { SelfHostedGatewaySection } from './SelfHostedGatewaySection';
import { SiteRulesSection } from './SiteRulesSection';
import { ThreatDatabaseSection } from './ThreatDatabaseSection';

export function Options() {
  const { t } = usePage();
  const { settings, error, update, replaceWith } = useSettings();

  return (
    <main class="options">
      <header>
        <img src="/icons/icon-48.png" alt="" />
        <h1>{t('optionsTitle')}</h1>
      </header>
      {error ? (
        <p class="notice error" role="alert" data-testid="settings-error">
          {t(error.messageKey, error.substitutions)}
        </p>
      ) : null}
      <BrowserAccessNotice />
      {settings ? (
        <>
          <AccountSection />
          <GeneralSection settings={settings} update={update} />
          <SiteRulesSection settings={settings} update={update} />
          <CategoriesSection settings={settings} update={update} />
          <ThreatDatabaseSection />
          <AllowListSection settings={settings} update={update} />
          <NotificationsSection settings={settings} update={update} />
          <SelfHostedGatewaySection settings={settings} update={update} />
          <BackupSection onImported={replaceWith} />
        </>
      ) : (
        <p class="muted">{t('loading')}</p>
      )}
    </main>
  );
}
