import { categoryActions, categoryIds } from '../src/settings';
import { Select, usePage } from '../src/ui';
import type { SectionProps } from './sectionProps';

/** One action per category; the data's licence requires the attribution shown below the list. */
export function CategoriesSection({ settings, update }: SectionProps) {
  const { t } = usePage();
  const actions = categoryActions.map((action) => ({ value: action, label: t(`categoryAction_${action}`) }));
  return (
    <>
      <ul class="setting-rows categories">
        {categoryIds.map((id) => (
          <li key={id} class="setting-row">
            <label for={`category-${id}`}>{t(`category_${id}`)}</label>
            <Select
              id={`category-${id}`}
              value={settings.categoryActions[id]}
              options={actions}
              onChange={(action) =>
                void update({ categoryActions: { ...settings.categoryActions, [id]: action } })
              }
            />
          </li>
        ))}
      </ul>
      <p class="attribution" data-testid="category-attribution">
        {t('categoryAttribution')}{' '}
        <a href="https://dsi.ut-capitole.fr/blacklists/" target="_blank" rel="noreferrer">
          dsi.ut-capitole.fr/blacklists
        </a>{' '}
        ·{' '}
        <a href="https://creativecommons.org/licenses/by-sa/4.0/" target="_blank" rel="noreferrer">
          CC BY-SA 4.0
        </a>{' '}
        · <a href="#about">{t('aboutDataLink')}</a>
      </p>
    </>
  );
}
