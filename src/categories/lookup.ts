import type { CategoryAction, CategoryId } from '../settings';
import { categoriesOf, type CategoryDb } from './database';

export interface CategoryMatch {
  /** The listed domain that matched (the host itself or one of its parents). */
  domain: string;
  categories: CategoryId[];
}

const IP_LIKE = /^[\d.]+$|:/;

/** Where the parent suffix starts, or -1 after the last label. */
const nextLabel = (host: string, start: number): number => {
  const dot = host.indexOf('.', start);
  return dot < 0 ? -1 : dot + 1;
};

/** Walks the host's suffixes from the most specific; the first listed one gives the host's categories. */
export const lookupCategories = (db: CategoryDb, host: string): CategoryMatch | null => {
  if (IP_LIKE.test(host)) return null;
  for (let start = 0; start >= 0; start = nextLabel(host, start)) {
    const key = host.slice(start);
    const bits = db.domains.get(key);
    if (bits !== undefined) return { domain: key, categories: categoriesOf(bits) };
  }
  return null;
};

export interface ActiveCategory {
  domain: string;
  category: CategoryId;
  action: Exclude<CategoryAction, 'ignore'>;
}

/**
 * The category rule that applies to a host: walking from the most specific suffix, the first listed domain
 * that has a category whose action is not `ignore`; within one domain, the first such category in
 * `categoryIds` order. Ignored categories are invisible, as if the domain were not listed for them.
 */
export const activeCategory = (
  db: CategoryDb,
  host: string,
  actions: Readonly<Record<CategoryId, CategoryAction>>,
): ActiveCategory | null => {
  if (IP_LIKE.test(host)) return null;
  for (let start = 0; start >= 0; start = nextLabel(host, start)) {
    const key = host.slice(start);
    const bits = db.domains.get(key);
    if (bits !== undefined) {
      for (const category of categoriesOf(bits)) {
        const action = actions[category];
        if (action !== 'ignore') return { domain: key, category, action };
      }
    }
  }
  return null;
};
