import { describe, expect, it } from 'vitest';
import { pickCurrentTab } from '../../../popup/pickCurrentTab';

const own = 'chrome-extension://rampart/';

describe('which tab the popup calls "this site"', () => {
  it('takes the active tab of the last focused normal window, not a background window listed first', () => {
    const windows = [
      { id: 1, focused: false, tabs: [{ active: true, url: 'about:blank', lastAccessed: 10 }] },
      {
        id: 2,
        focused: true,
        tabs: [
          { active: false, url: 'https://other.example/', lastAccessed: 30 },
          { active: true, url: 'https://alice.github.io/', lastAccessed: 20 },
        ],
      },
    ];
    expect(pickCurrentTab(windows, 2, own)).toBe('https://alice.github.io/');
  });

  it('when the popup has a window of its own, takes the most recently used active tab elsewhere', () => {
    const windows = [
      { id: 1, focused: false, tabs: [{ active: true, url: 'about:blank', lastAccessed: 10 }] },
      {
        id: 2,
        focused: false,
        tabs: [{ active: true, url: 'http://email.azet.sk/inbox', lastAccessed: 50 }],
      },
      { id: 3, focused: true, tabs: [{ active: true, url: `${own}popup/index.html`, lastAccessed: 60 }] },
    ];
    expect(pickCurrentTab(windows, 3, own)).toBe('http://email.azet.sk/inbox');
  });

  it('answers null when only the extension’s own pages are open', () => {
    const windows = [{ id: 3, focused: true, tabs: [{ active: true, url: `${own}options/index.html` }] }];
    expect(pickCurrentTab(windows, 3, own)).toBeNull();
  });
});
