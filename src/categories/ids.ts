import type { CategoryId } from '../settings';

/**
 * Which UT1 list feeds each category (see ../shared/data/categories/SOURCE.md). `payments` comes from our own
 * curated list because UT1 has none (its `financial` is financial news). There is no adult category: the UT1
 * adult lists were not in the snapshot we could fetch, and a category with no data would do nothing.
 */
export const ut1Sources: Readonly<Partial<Record<CategoryId, string>>> = {
  banks: 'bank',
  shopping: 'shopping',
  social: 'social_networks',
  webmail: 'webmail',
  messengers: 'chat',
  dating: 'dating',
  gambling: 'gambling',
  games: 'games',
  streaming: 'audio-video',
  fileSharing: 'filehosting',
};
