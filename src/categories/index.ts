export { buildCategoryDb, categoriesOf, emptyCategoryDb, type CategoryDb, type CategoryLists } from './database';
export { activeCategory, lookupCategories, type ActiveCategory, type CategoryMatch } from './lookup';
export { parseDomainList } from './parseList';
export { ut1Sources } from './ids';
