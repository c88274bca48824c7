import { buildCategoryDb, emptyCategoryDb, type CategoryDb, type CategoryLists } from '../../src/categories';
import { categoryIds, type Settings } from '../../src/settings';

/**
 * Loads only the category lists that have an action (most people set a few), and keeps the database for as
 * long as the same set is active. A list that fails to load costs only that category.
 */
export function createCategoryLoader(readBundled: (path: string) => Promise<string>) {
  let cached: { key: string; db: Promise<CategoryDb> } | null = null;

  return (settings: Pick<Settings, 'categoryActions'>): Promise<CategoryDb> => {
    const active = categoryIds.filter((id) => settings.categoryActions[id] !== 'ignore');
    const key = active.join(',');
    if (active.length === 0) return Promise.resolve(emptyCategoryDb);
    if (cached?.key !== key) {
      const db = Promise.all(
        active.map(
          async (id) => [id, await readBundled(`data/categories/${id}.txt`).catch(() => '')] as const,
        ),
      ).then((lists) => buildCategoryDb(Object.fromEntries(lists) as CategoryLists));
      cached = { key, db };
    }
    return cached.db;
  };
}
