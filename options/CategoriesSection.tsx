import { categoryActions, categoryIds, type CategoryAction } from '../src/settings';
import { usePage } from '../src/ui';
import type { SectionProps } from './sectionProps';

/** One action per category; the data's licence requires the attribution shown below the list. */
export function CategoriesSection({ settings, update }: SectionProps) {
  const { t } = usePage();
  return (
    <section aria-labelledby="categories-heading">
      <h2 id="categories-heading">{t('sectionCategories')}</h2>
      <p class="muted">{t('categoriesHint')}</p>
      <table class="categories">
        <tbody>
          {categoryIds.map((id) => (
            <tr key={id}>
              <th scope="row">
                <label for={`category-${id}`}>{t(`category_${id}`)}</label>
              </th>
              <td>
                <select
                  id={`category-${id}`}
                  value={settings.categoryActions[id]}
                  onChange={(e) =>
                    void update({
                      categoryActions: {
                        ...settings.categoryActions,
                        [id]: e.currentTarget.value as CategoryAction,
                      },
                    })
                  }
                >
                  {categoryActions.map((action) => (
                    <option key={action} value={action}>
                      {t(`categoryAction_${action}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted attribution" data-testid="category-attribution">
        {t('categoryAttribution')}{' '}
        <a href="https://dsi.ut-capitole.fr/blacklists/" target="_blank" rel="noreferrer">
          dsi.ut-capitole.fr/blacklists
        </a>{' '}
        ·{' '}
        <a href="https://creativecommons.org/licenses/by-sa/4.0/" target="_blank" rel="noreferrer">
          CC BY-SA 4.0
        </a>
      </p>
    </section>
  );
}
