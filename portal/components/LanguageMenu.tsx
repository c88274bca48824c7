import type { JSX } from 'preact';
import { uiLanguages } from '../../src/i18n';
import { languageChoiceSchema, t, useI18n, type LanguageChoice, type MessageKey } from '../i18n';

/** Each language by its own name, so a person who cannot read the current one still finds theirs. */
const choiceKeys: Record<LanguageChoice, MessageKey> = {
  auto: 'language_auto',
  en: 'language_en',
  ru: 'language_ru',
  de: 'language_de',
  fr: 'language_fr',
  es: 'language_es',
  ar: 'language_ar',
};
const choices: readonly LanguageChoice[] = ['auto', ...uiLanguages];

/** The header's language menu: the browser's language, or one the person picks (kept in this browser). */
export function LanguageMenu(): JSX.Element {
  const { choice, choose } = useI18n();
  return (
    <label class="language-menu">
      <span class="visually-hidden">{t('portal_language')}</span>
      <span aria-hidden="true">🌐</span>
      <select
        data-testid="language-menu"
        value={choice}
        onChange={(event) => {
          const picked = languageChoiceSchema.safeParse(event.currentTarget.value);
          if (picked.success) choose(picked.data);
        }}
      >
        {choices.map((option) => (
          <option key={option} value={option} lang={option === 'auto' ? undefined : option}>
            {t(choiceKeys[option])}
          </option>
        ))}
      </select>
    </label>
  );
}
