import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCategoryDb, lookupCategories, parseDomainList, ut1Sources } from '../../../src/categories';
import { categoryIds, type CategoryId } from '../../../src/settings';

const dir = 'extension/data/categories';
const index = JSON.parse(readFileSync(`${dir}/index.json`, 'utf8')) as {
  categories: Record<string, { file: string | null; count: number; source: string }>;
};
const read = (id: CategoryId) => {
  const file = index.categories[id]?.file;
  return file ? readFileSync(`${dir}/${file}`, 'utf8') : undefined;
};

describe('bundled category data', () => {
  it('lists every category id, each in its own file with the stated count', () => {
    expect(Object.keys(index.categories).sort()).toEqual([...categoryIds].sort());
    for (const id of categoryIds) {
      const text = read(id);
      expect(text === undefined ? 0 : parseDomainList(text).length).toBe(index.categories[id]?.count);
    }
    // No adult list could be shipped (../shared/data/categories/SOURCE.md), so the category is not offered.
    expect(index.categories).not.toHaveProperty('adult');
    expect(categoryIds).not.toContain('adult');
    expect(index.categories.payments?.count).toBeGreaterThanOrEqual(30);
  });

  it('maps the UT1 lists as src/categories says', () => {
    for (const [id, ut1] of Object.entries(ut1Sources)) {
      expect(index.categories[id]?.source).toBe(`UT1 blacklists: ${ut1}`);
    }
  });

  it('carries the UT1 attribution', () => {
    expect(readFileSync(`${dir}/LICENSE.md`, 'utf8')).toContain('UT1 blacklists by Fabrice Prigent');
  });

  it('categorises well-known sites', () => {
    const lists = Object.fromEntries(categoryIds.map((id) => [id, read(id)]).filter(([, text]) => text));
    const db = buildCategoryDb(lists);
    expect(lookupCategories(db, 'www.paypal.com')?.categories).toContain('payments');
    expect(lookupCategories(db, 'checkout.stripe.com')?.categories).toContain('payments');
    expect(lookupCategories(db, 'www.facebook.com')?.categories).toContain('social');
    expect(lookupCategories(db, 'mail.yahoo.com')).not.toBeNull();
  });
});
