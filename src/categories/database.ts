import { categoryIds, type CategoryId } from '../settings';
import { parseDomainList } from './parseList';

/**
 * Domain → bit set of categories (bit i = `categoryIds[i]`). One number per domain keeps 120k+ entries
 * compact, and a domain listed in several categories (`tesco.com` is both a bank and a shop) keeps all of them.
 */
export interface CategoryDb {
  readonly domains: ReadonlyMap<string, number>;
}

export type CategoryLists = Readonly<Partial<Record<CategoryId, string>>>;

/** Builds the database from each category's list file text. */
export const buildCategoryDb = (lists: CategoryLists): CategoryDb => {
  const domains = new Map<string, number>();
  categoryIds.forEach((id, bit) => {
    const text = lists[id];
    if (text === undefined) return;
    for (const domain of parseDomainList(text)) domains.set(domain, (domains.get(domain) ?? 0) | (1 << bit));
  });
  return { domains };
};

/** The categories in a bit set, in `categoryIds` order (which is also their priority order). */
export const categoriesOf = (bits: number): CategoryId[] =>
  categoryIds.filter((_, bit) => (bits & (1 << bit)) !== 0);

export const emptyCategoryDb: CategoryDb = { domains: new Map() };
