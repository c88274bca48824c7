// URL rules get ids derived from their entry, so a delta that adds ten URLs changes ten rules rather
// than renumbering thousands. Collisions are resolved by probing in sorted entry order: deterministic
// for a given snapshot, and stable for every entry that did not collide.

export const ALLOW_RULE_ID = 1;
export const FIRST_DOMAIN_RULE_ID = 10;
export const FIRST_URL_RULE_ID = 1_000;
const URL_RULE_ID_SPAN = 2 ** 31 - 1 - FIRST_URL_RULE_ID;

/** FNV-1a, 32 bits: tiny, fast and well spread for short ASCII strings. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** One id per entry (entries in sorted order), in [FIRST_URL_RULE_ID, 2^31). */
export function urlRuleIds(entries: readonly string[]): number[] {
  const taken = new Set<number>();
  return entries.map((entry) => {
    let offset = fnv1a(entry) % URL_RULE_ID_SPAN;
    while (taken.has(offset)) offset = (offset + 1) % URL_RULE_ID_SPAN;
    taken.add(offset);
    return FIRST_URL_RULE_ID + offset;
  });
}
