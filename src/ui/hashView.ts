/**
 * The view a location hash selects (`#site-rules` → "site-rules"), or `fallback` for an empty or unknown
 * hash, so a link from the popup or a bookmark opens the section it names and anything else opens the first.
 */
export function viewFromHash<T extends string>(hash: string, views: readonly T[], fallback: T): T {
  let id = hash.replace(/^#/, '');
  try {
    id = decodeURIComponent(id);
  } catch {
    return fallback;
  }
  return (views as readonly string[]).includes(id) ? (id as T) : fallback;
}
