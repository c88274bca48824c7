// Snapshot lists are sorted and unique, so differences and patches are linear merges rather than sets
// of hundreds of thousands of strings.

/** Items of `a` that are not in `b` (both sorted, unique). */
export function sortedMinus(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let j = 0;
  for (const item of a) {
    while (j < b.length && (b[j] as string) < item) j++;
    if (b[j] !== item) out.push(item);
  }
  return out;
}

/**
 * `base` without `remove`, with `add` merged in; null when the patch does not fit the base (an item to
 * remove is missing or an item to add is already there), which means the delta was made for another list.
 */
export function sortedPatch(
  base: readonly string[],
  remove: readonly string[],
  add: readonly string[],
): string[] | null {
  const kept: string[] = [];
  let r = 0;
  for (const item of base) {
    if (r < remove.length && remove[r] === item) r++;
    else kept.push(item);
  }
  if (r !== remove.length) return null;
  const out: string[] = [];
  let k = 0;
  for (const item of add) {
    while (k < kept.length && (kept[k] as string) < item) out.push(kept[k++] as string);
    if (kept[k] === item) return null;
    out.push(item);
  }
  while (k < kept.length) out.push(kept[k++] as string);
  return out;
}

/** True when every item is strictly greater than the one before. */
export function isSortedUnique(items: readonly string[]): boolean {
  for (let i = 1; i < items.length; i++) if ((items[i - 1] as string) >= (items[i] as string)) return false;
  return true;
}
