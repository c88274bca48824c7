import type { LocaleMessages } from './localeMessages';

export type Translate = (key: string, substitutions?: readonly string[]) => string;

/**
 * Formats a message the way `i18n.getMessage` does: named `$PLACEHOLDER$`s expand to their content,
 * then `$1`..`$9` take the substitutions, and `$$` is a literal dollar. Used when the user overrides the
 * browser's language, because the browser API cannot be told which locale to use.
 */
export function createTranslator(messages: LocaleMessages, fallback?: LocaleMessages): Translate {
  return (key, substitutions = []) => {
    const entry = messages[key] ?? fallback?.[key];
    if (!entry) return key;
    const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? placeholder.content : whole;
    });
    return named.replace(/\$(\$|[1-9])/g, (_whole, which: string) =>
      which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
    );
  };
}

/**
 * In a right-to-left page an address, a code or a number substituted into a sentence keeps its own direction
 * (Unicode first-strong isolates), so "XXXX-XXXX" or "name@example.com" are not reordered with the Arabic
 * around them. Left-to-right languages need nothing.
 */
export function isolateSubstitutions(translate: Translate, direction: 'ltr' | 'rtl'): Translate {
  if (direction === 'ltr') return translate;
  return (key, substitutions) =>
    translate(
      key,
      substitutions?.map((value) => `\u2068${value}\u2069`),
    );
}
