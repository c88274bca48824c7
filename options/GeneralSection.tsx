import { languages, type Language } from '../src/settings';
import { Toggle, usePage } from '../src/ui';
import type { SectionProps } from './sectionProps';

export function GeneralSection({ settings, update }: SectionProps) {
  const { t } = usePage();
  return (
    <section aria-labelledby="general-heading">
      <h2 id="general-heading">{t('sectionGeneral')}</h2>
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
      <Toggle
        id="protection-enabled"
        label={t('protectionEnabled')}
        hint={t('protectionEnabledHint')}
        checked={settings.protectionEnabled}
        onChange={(protectionEnabled) => void update({ protectionEnabled })}
      />
      <div class="row">
        <label for="language">{t('language')}</label>
        <select
          id="language"
          value={settings.language}
          onChange={(event) => {
            const language = event.currentTarget.value as Language;
            void update({ language }).then((saved) => saved && location.reload());
          }}
        >
          {languages.map((language) => (
            <option key={language} value={language}>
              {t(`language_${language}`)}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
