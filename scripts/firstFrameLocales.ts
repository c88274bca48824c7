import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { FIRST_FRAME_MESSAGE_KEYS, firstFrameMessagesPath } from '../popup/firstFrameMessages.ts';

/** The entries of `keys` in one locale file, in the same format; throws when one is missing. */
export function localeSubset(
  messages: Record<string, unknown>,
  keys: readonly string[],
  language: string,
): Record<string, unknown> {
  const missing = keys.filter((key) => !(key in messages));
  if (missing.length > 0) throw new Error(`_locales/${language} has no message ${missing.join(', ')}`);
  return Object.fromEntries(keys.map((key) => [key, messages[key]]));
}

/**
 * Writes, for each language in `localesDir` (the bundled `_locales`), the messages the popup's first frame can
 * show (popup/firstFrameMessages.ts) to a file of their own, which the first frame reads for a language chosen
 * in the settings.
 */
export function firstFrameLocales(localesDir: string): Plugin {
  return {
    name: 'rampart-first-frame-locales',
    apply: 'build',
    generateBundle() {
      for (const language of readdirSync(localesDir)) {
        const messages = JSON.parse(
          readFileSync(join(localesDir, language, 'messages.json'), 'utf8'),
        ) as Record<string, unknown>;
        this.emitFile({
          type: 'asset',
          fileName: firstFrameMessagesPath(language),
          source: JSON.stringify(localeSubset(messages, FIRST_FRAME_MESSAGE_KEYS, language)),
        });
      }
    },
  };
}
