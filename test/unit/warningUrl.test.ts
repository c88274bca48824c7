import { describe, expect, it } from 'vitest';
import { blockedUrlFrom } from '../../warning/blockedUrl';

describe('blockedUrlFrom', () => {
  it.each([
    [
      'chrome-extension://x/warning/index.html?url=http://a.test/p?q=1&r=2#frag',
      'http://a.test/p?q=1&r=2#frag',
    ],
    ['chrome-extension://x/warning/index.html?url=https://b.test/', 'https://b.test/'],
    ['chrome-extension://x/warning/index.html', ''],
  ])('%s → %s', (href, expected) => expect(blockedUrlFrom(href)).toBe(expected));
});
