import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCategoryDb } from '../../../src/categories';
import { compilePac, type PacInput } from '../../../src/pac';
import { indexSiteRules } from '../../../src/rules';
import { categoryActions, categoryIds, siteActions } from '../../../src/settings';
import { loadPac, pacAndDecision } from './evalPac';

const now = 1_800_000_000_000;

// A small alphabet makes rules, category domains, answers and hosts collide often, which is where bugs live.
const label = fc.constantFrom(
  'a',
  'b',
  'www',
  'x-y',
  'xn--e1afmkfd',
  'local',
  'localhost',
  'com',
  'ru',
  '__proto__',
  'constructor',
  '1',
  '10',
);
const domain = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
const octet = fc.oneof(
  fc.constantFrom(0, 1, 8, 10, 127, 169, 172, 192, 254, 255),
  fc.integer({ min: 0, max: 255 }),
);
const ipv4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
const hextet = fc.oneof(
  fc.constantFrom(0, 1, 0xfe80, 0xfc00, 0xfd12, 0xffff, 0x2001, 0xdb8),
  fc.integer({ min: 0, max: 0xffff }),
);
const ipv6 = fc
  .array(hextet, { minLength: 8, maxLength: 8 })
  .map((g) => new URL(`http://[${g.map((x) => x.toString(16)).join(':')}]`).hostname.slice(1, -1));
const host = fc.oneof(
  { weight: 6, arbitrary: domain },
  { weight: 2, arbitrary: ipv4 },
  { weight: 1, arbitrary: ipv6 },
);

// How a browser might hand the host over: case, brackets and trailing dots vary.
const asPassed = fc.tuple(host, fc.boolean(), fc.boolean()).map(([h, upper, dot]) => {
  const shown = h.includes(':') && upper ? `[${h}]` : h;
  return (upper ? shown.toUpperCase() : shown) + (dot ? '.' : '');
});

const rule = fc.record({
  pattern: fc
    .tuple(fc.constantFrom('', '=', '*.'), host)
    .map(([prefix, h]) => prefix + (h.includes(':') ? `[${h}]` : h)),
  action: fc.constantFrom(...siteActions),
});

const input = fc.record({
  vpnEnabled: fc.boolean(),
  killSwitch: fc.boolean(),
  bypassHosts: fc.array(domain, { maxLength: 2 }),
  rules: fc.array(rule, { maxLength: 25 }),
  lists: fc.array(fc.tuple(fc.constantFrom(...categoryIds), fc.array(domain, { maxLength: 8 })), {
    maxLength: 6,
  }),
  actions: fc.tuple(...categoryIds.map(() => fc.constantFrom(...categoryActions))),
  answers: fc.array(
    fc.tuple(
      host,
      fc.constantFrom('vpn' as const, 'direct' as const),
      fc.constantFrom(null, now - 1, now + 1),
    ),
    { maxLength: 6 },
  ),
});

describe('compiled PAC agrees with decideRoute on random configurations', () => {
  it('for random hosts and for the hosts the rules mention', () => {
    fc.assert(
      fc.property(input, fc.array(asPassed, { minLength: 1, maxLength: 15 }), (generated, hosts) => {
        const lists: Record<string, string> = {};
        for (const [id, domains] of generated.lists) lists[id] = `${lists[id] ?? ''}${domains.join('\n')}\n`;
        const pacInput: PacInput = {
          vpnEnabled: generated.vpnEnabled,
          killSwitch: generated.killSwitch,
          gateway: { scheme: 'HTTPS', host: 'gw.example', port: 443 },
          bypassHosts: generated.bypassHosts,
          siteRules: indexSiteRules(generated.rules),
          categories: buildCategoryDb(lists),
          categoryActions: Object.fromEntries(
            categoryIds.map((id, i) => [id, generated.actions[i]]),
          ) as PacInput['categoryActions'],
          askAnswers: Object.fromEntries(
            generated.answers.map(([key, route, expiresAt]) => [key, { route, expiresAt }]),
          ),
          now,
        };
        const findProxy = loadPac(compilePac(pacInput));
        const mentioned = generated.rules.map((r) =>
          r.pattern.replace(/^[=*.]+|^\*\./, '').replace(/^\[|\]$/g, ''),
        );
        for (const h of [...hosts, ...mentioned, ...mentioned.map((m) => `www.${m}`)]) {
          const { pac, expected } = pacAndDecision(findProxy, pacInput, h);
          expect(pac, h).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
