import { describe, expect, it } from 'vitest';
import { viewFromHash } from '../../../src/ui/hashView';

const views = ['general', 'site-rules', 'about'] as const;

describe('viewFromHash', () => {
  it.each([
    ['#site-rules', 'site-rules'],
    ['site-rules', 'site-rules'],
    ['#about', 'about'],
    ['', 'general'],
    ['#', 'general'],
    ['#unknown', 'general'],
    ['#Site-Rules', 'general'],
    ['#site%2Drules', 'site-rules'],
    ['#%E0%A4%A', 'general'],
  ])('%j opens %s', (hash, expected) => {
    expect(viewFromHash(hash, views, 'general')).toBe(expected);
  });
});
