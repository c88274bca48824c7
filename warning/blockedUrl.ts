/**
 * The blocked address arrives verbatim after `?url=` (the redirect rule appends the whole URL, with its own
 * `?`, `&` and `#`), so it is everything after the first `url=`, not a decoded query parameter.
 */
export function blockedUrlFrom(href: string): string {
  const marker = href.indexOf('?url=');
  return marker < 0 ? '' : href.slice(marker + '?url='.length);
}
