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

const siteCode: Record<SiteAction, number> = { always: ROUTE_VPN, never: ROUTE_DIRECT, ask: ROUTE_ASK };
const categoryCode = { enable: ROUTE_VPN, never: ROUTE_DIRECT, ask: ROUTE_ASK } as const;

/** For each category bit set, the packed category code (0 when every category in the set is ignored). */
const categoryCodes = (input: PacInput): ((bits: number) => number) => {
  const active: { mask: number; code: number }[] = [];
  categoryIds.forEach((category, bit) => {
    const action = input.categoryActions[category];
    if (action !== 'ignore') active.push({ mask: 1 << bit, code: categoryCode[action] << SHIFT_CATEGORY });
  });
  // Few distinct sets exist, so each set's code is worked out once (-1 = not yet known).
  const known = new Int32Array(1 << categoryIds.length).fill(-1);
  return (bits) => {
    let code = known[bits] ?? 0;
    if (code < 0) code = known[bits] = active.find(({ mask }) => (bits & mask) !== 0)?.code ?? 0;
    return code;
  };
};

/**
 * Calls `emit` once per table key with its packed codes (suffix → site rule slots, category code, live answer).
 * Only what can change a decision is emitted: domains of ignored categories and expired answers are left out,
 * so the table is as small as the configuration allows. Streams instead of building a second map because the
 * table can hold 600k keys.
 */
export const forEachPacEntry = (input: PacInput, emit: (key: string, code: number) => void): void => {
  const answers = new Map<string, number>();
  for (const [key, answer] of Object.entries(input.askAnswers)) {
    if (answer.expiresAt !== null && answer.expiresAt <= input.now) continue;
    answers.set(normalizeHost(key), (answer.route === 'vpn' ? ROUTE_VPN : ROUTE_DIRECT) << SHIFT_ANSWER);
  }
  const sites = input.siteRules.entries;
  const domains = input.categories.domains;
  const categoryOf = categoryCodes(input);
  const categoryAt = (key: string): number => {
    const bits = domains.get(key);
    return bits === undefined ? 0 : categoryOf(bits);
  };

  for (const [host, entry] of sites) {
    let code = categoryAt(host) | (answers.get(host) ?? 0);
    if (entry.exact) code |= siteCode[entry.exact.action] << SHIFT_EXACT;
    if (entry.subdomains) code |= siteCode[entry.subdomains.action] << SHIFT_SUBDOMAINS;
    if (entry.domain) code |= siteCode[entry.domain.action] << SHIFT_DOMAIN;
    emit(host, code);
  }
  // Every category bit at once: non-zero when any category is not ignored.
  if (categoryOf((1 << categoryIds.length) - 1) !== 0) {
    for (const [domain, bits] of domains) {
      if (sites.has(domain)) continue;
      const code = categoryOf(bits);
      if (code !== 0) emit(domain, code | (answers.get(domain) ?? 0));
    }
  }
  for (const [key, code] of answers) {
    if (!sites.has(key) && categoryAt(key) === 0) emit(key, code);
  }
};

/** The whole table as a map, for inspection and tests. */
export const buildPacTable = (input: PacInput): Map<string, number> => {
  const table = new Map<string, number>();
  forEachPacEntry(input, (key, code) => table.set(key, code));
  return table;
};
