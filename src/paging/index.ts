/** One page of a list: its items and where they sit in the whole (1-based, for "1–50 of 3,214"). */
export interface Page<T> {
  items: T[];
  /** 0-based, clamped into range, so a page left empty by a deletion shows the last one instead. */
  index: number;
  count: number;
  /** 1-based position of the first item shown, 0 when the list is empty. */
  from: number;
  /** 1-based position of the last item shown, 0 when the list is empty. */
  to: number;
  total: number;
}

/** The `index`-th page of `size` items (clamped to the pages there are); never copies more than one page. */
export function pageOf<T>(items: readonly T[], index: number, size: number): Page<T> {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`page size must be a positive integer: ${size}`);
  const total = items.length;
  const count = Math.max(1, Math.ceil(total / size));
  const clamped = Math.min(Math.max(0, Math.trunc(index) || 0), count - 1);
  const start = clamped * size;
  const shown = items.slice(start, start + size);
  return {
    items: shown,
    index: clamped,
    count,
    from: shown.length ? start + 1 : 0,
    to: start + shown.length,
    total,
  };
}

/** The page on which the item at `position` (0-based) sits. */
export const pageIndexOf = (position: number, size: number): number =>
  Math.floor(Math.max(0, position) / size);
