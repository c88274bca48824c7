/**
 * The bundled category database (extension/data/categories, UT1 lists under CC BY-SA 4.0 plus our payments list).
 * A host belongs to the categories of its most specific listed suffix; a domain in several categories takes the
 * first non-ignored one in `categoryIds` order; ignored categories are as if unlisted.
 */
export {
  buildCategoryDb,
  categoriesOf,
  emptyCategoryDb,
  type CategoryDb,
  type CategoryLists,
} from './database';
export { activeCategory, lookupCategories, type ActiveCategory, type CategoryMatch } from './lookup';
export { parseDomainList } from './parseList';
export { ut1Sources } from './ids';
