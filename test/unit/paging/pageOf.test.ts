import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageIndexOf, pageOf } from '../../../src/paging';

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('pageOf', () => {
  it.each([
    // total, index, size → from, to, count, index
    [3214, 0, 50, 1, 50, 65, 0],
    [3214, 1, 50, 51, 100, 65, 1],
    [3214, 64, 50, 3201, 3214, 65, 64],
    [3214, 65, 50, 3201, 3214, 65, 64], // past the end: the last page
    [3214, -3, 50, 1, 50, 65, 0],
    [50, 0, 50, 1, 50, 1, 0],
    [51, 1, 50, 51, 51, 2, 1],
    [0, 0, 50, 0, 0, 1, 0],
    [0, 4, 50, 0, 0, 1, 0],
  ])('%i items, page %i of %i each: %i–%i, %i pages, page %i', (total, index, size, from, to, count, at) => {
    const page = pageOf(numbers(total), index, size);
    expect({ from: page.from, to: page.to, count: page.count, index: page.index, total: page.total }).toEqual(
      {
        from,
        to,
        count,
        index: at,
        total,
      },
    );
    expect(page.items).toEqual(total ? numbers(total).slice(from - 1, to) : []);
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => pageOf([1], 0, 0)).toThrow(RangeError);
    expect(() => pageOf([1], 0, 2.5)).toThrow(RangeError);
  });

  it('the pages together hold every item once, in order', () => {
    fc.assert(
      fc.property(fc.nat(400), fc.integer({ min: 1, max: 60 }), (total, size) => {
        const items = numbers(total);
        const first = pageOf(items, 0, size);
        const all = Array.from({ length: first.count }, (_, i) => pageOf(items, i, size).items).flat();
        expect(all).toEqual(items);
      }),
    );
  });

  it('pageIndexOf names the page that shows a position', () => {
    expect([0, 49, 50, 99, 100, 3213].map((p) => pageIndexOf(p, 50))).toEqual([0, 0, 1, 1, 2, 64]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 60 }), (total, size) => {
        const items = numbers(total);
        const position = total - 1;
        expect(pageOf(items, pageIndexOf(position, size), size).items).toContain(items[position]);
      }),
    );
  });
});
