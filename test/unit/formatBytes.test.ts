import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/ui/formatBytes';

describe('formatBytes', () => {
  it.each([
    [0, 'en', '0 B'],
    [999, 'en', '999 B'],
    [1234, 'en', '1.2 KB'],
    [200_000_000, 'en', '200 MB'],
    [5_500_000_000, 'en', '5.5 GB'],
    [300_000_000, 'ru', '300 МБ'],
  ])('%d in %s → %s', (bytes, language, expected) => expect(formatBytes(bytes, language)).toBe(expected));
});
