import { describe, expect, it } from 'vitest';
import { askSiteKey, siteKey } from '../../../src/rules';

describe('siteKey', () => {
  it.each([
    ['www.bank.co.uk', 'bank.co.uk'],
    ['Login.Bank.com.', 'bank.com'],
    // The PSL's private section: each customer of a shared host is a site of its own.
    ['alice.github.io', 'alice.github.io'],
    ['www.alice.github.io', 'alice.github.io'],
    ['bucket.s3.amazonaws.com', 'bucket.s3.amazonaws.com'],
    ['my-app.herokuapp.com', 'my-app.herokuapp.com'],
    // No registrable domain: the host itself.
    ['github.io', 'github.io'],
    ['co.uk', 'co.uk'],
    ['intranet', 'intranet'],
    ['8.8.8.8', '8.8.8.8'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['www.sticky.test', 'sticky.test'],
  ])('%j is the site %j', (host, site) => {
    expect(siteKey(host)).toBe(site);
  });

  it('is the key "ask" answers use, so an answer covers what the buttons cover', () => {
    expect(askSiteKey).toBe(siteKey);
  });
});
