import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCategoryDb } from '../../../src/categories';
import { compilePac, type PacInput } from '../../../src/pac';
import { indexSiteRules } from '../../../src/rules';
import { categoryIds } from '../../../src/settings';
import { loadPac, pacAndDecision } from './evalPac';

describe('PAC built from the bundled category data', () => {
  it('agrees with decideRoute on the listed domains and their subdomains', () => {
    const lists = Object.fromEntries(
      categoryIds.map((id) => [id, readFileSync(`extension/data/categories/${id}.txt`, 'utf8')]),
    );
    const categories = buildCategoryDb(lists);
    const actions = ['enable', 'never', 'ask', 'ignore'] as const;
    const input: PacInput = {
      vpnEnabled: true,
      killSwitch: true,
      gateway: { scheme: 'HTTPS', host: 'gw.example', port: 443 },
      bypassHosts: [],
      siteRules: indexSiteRules([{ pattern: 'paypal.com', action: 'never' }]),
      categories,
      categoryActions: Object.fromEntries(
        categoryIds.map((id, i) => [id, actions[i % actions.length]]),
      ) as PacInput['categoryActions'],
      askAnswers: {},
      now: 0,
    };
    const findProxy = loadPac(compilePac(input));
    const domains = [...categories.domains.keys()];
    const step = Math.floor(domains.length / 1500);
    for (let i = 0; i < domains.length; i += step) {
      const domain = domains[i] ?? '';
      for (const host of [domain, `www.${domain}`]) {
        const { pac, expected } = pacAndDecision(findProxy, input, host);
        expect(pac, host).toBe(expected);
      }
    }
    expect(pacAndDecision(findProxy, input, 'www.paypal.com').pac).toBe('DIRECT');
  });
});
