import { languages } from '../src/settings';
import { Field, Select, Toggle, usePage } from '../src/ui';
import { NotificationsSection } from './NotificationsSection';
import type { SectionProps } from './sectionProps';

/** How the VPN starts and fails, the page language, and which notifications Rampart shows. */
export function GeneralSection({ settings, update }: SectionProps) {
  const { t } = usePage();
  return (
    <>
      <div class="group">
        <Toggle
          id="auto-connect"
          label={t('autoConnect')}
          hint={t('autoConnectHint')}
          checked={settings.autoConnect}
          onChange={(autoConnect) => void update({ autoConnect })}
        />
        <Toggle
          id="kill-switch"
          label={t('killSwitch')}
          hint={t('killSwitchHint')}
          checked={settings.killSwitch}
          onChange={(killSwitch) => void update({ killSwitch })}
        />
      </div>
      <div class="group">
        <Field id="language" label={t('language')}>
          <Select
            id="language"
            value={settings.language}
            options={languages.map((language) => ({ value: language, label: t(`language_${language}`) }))}
            onChange={(language) => void update({ language }).then((saved) => saved && location.reload())}
          />
        </Field>
      </div>
      <NotificationsSection settings={settings} update={update} />
    </>
  );
}
