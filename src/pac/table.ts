import type { PatternKind } from '../rules';
import { normalizeHost } from '../rules';
import { categoryIds, type SiteAction } from '../settings';
import type { PacInput } from './input';
import {
  ROUTE_ASK,
  ROUTE_DIRECT,
  ROUTE_VPN,
  SHIFT_ANSWER,
  SHIFT_CATEGORY,
  SHIFT_DOMAIN,
  SHIFT_EXACT,
  SHIFT_SUBDOMAINS,
} from './codes';

const kindShift: Record<PatternKind, number> = {
  exact: SHIFT_EXACT,
  subdomains: SHIFT_SUBDOMAINS,
  domain: SHIFT_DOMAIN,
};
const siteCode: Record<SiteAction, number> = { always: ROUTE_VPN, never: ROUTE_DIRECT, ask: ROUTE_ASK };
const categoryCode = { enable: ROUTE_VPN, never: ROUTE_DIRECT, ask: ROUTE_ASK } as const;

/**
 * Suffix → packed codes for the PAC. Only what can change a decision goes in: domains of ignored categories and
 * expired answers are left out, so the table is as small as the user's configuration allows.
 */
export const buildPacTable = (input: PacInput): Map<string, number> => {
  const table = new Map<string, number>();
  const add = (key: string, shift: number, code: number) => {
    table.set(key, (table.get(key) ?? 0) | (code << shift));
  };

  for (const [host, entry] of input.siteRules.entries) {
    for (const kind of ['exact', 'subdomains', 'domain'] as const) {
      const hit = entry[kind];
      if (hit) add(host, kindShift[kind], siteCode[hit.action]);
    }
  }

  // For each listed domain, the first category (in priority order) whose action is not `ignore`.
  const active: { mask: number; code: number }[] = [];
  categoryIds.forEach((category, bit) => {
    const action = input.categoryActions[category];
    if (action !== 'ignore') active.push({ mask: 1 << bit, code: categoryCode[action] });
  });
  if (active.length > 0) {
    // Few distinct category sets exist, so each set's code is worked out once (-1 = not yet known).
    const codeOf = new Int8Array(1 << categoryIds.length).fill(-1);
    for (const [domain, bits] of input.categories.domains) {
      let code = codeOf[bits] ?? 0;
      if (code < 0) code = codeOf[bits] = active.find(({ mask }) => (bits & mask) !== 0)?.code ?? 0;
      if (code !== 0) add(domain, SHIFT_CATEGORY, code);
    }
  }

  for (const [key, answer] of Object.entries(input.askAnswers)) {
    if (answer.expiresAt !== null && answer.expiresAt <= input.now) continue;
    add(normalizeHost(key), SHIFT_ANSWER, answer.route === 'vpn' ? ROUTE_VPN : ROUTE_DIRECT);
  }
  return table;
};
