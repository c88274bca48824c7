/** The languages Rampart speaks, English first (the fallback for any key and any unmatched browser). */
export const uiLanguages = ['en', 'ru', 'de', 'fr', 'es', 'ar'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

const rightToLeft: ReadonlySet<string> = new Set(['ar']);

export const isUiLanguage = (value: string): value is UiLanguage =>
  (uiLanguages as readonly string[]).includes(value);

/** `rtl` for a language written right to left ("ar", "ar-EG"), `ltr` for the rest. */
export const textDirection = (language: string): 'ltr' | 'rtl' =>
  rightToLeft.has(language.toLowerCase().split('-')[0] ?? '') ? 'rtl' : 'ltr';

/**
 * The first of the reader's preferred languages (`navigator.languages`, best first) that Rampart speaks,
 * matched by its primary subtag ("de-AT" → "de"); English when none is.
 */
export function bestLanguage(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0] ?? '';
    if (isUiLanguage(primary)) return primary;
  }
  return 'en';
}
