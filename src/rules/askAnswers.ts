import { isIpLiteral, normalizeHost } from './host';
import { siteKey } from './siteKey';

export type Route = 'vpn' | 'direct';

/** The user's answer to "use the VPN for this site?". `expiresAt` is null when they ticked "remember my choice". */
export interface AskAnswer {
  route: Route;
  expiresAt: number | null;
}

/** Answers keyed by site (see `askSiteKey`); a plain record so it stores as JSON as it is. */
export type AskAnswers = Readonly<Record<string, AskAnswer>>;

/** An answer given without "remember my choice" lasts one hour. */
export const ASK_ANSWER_TTL_MS = 60 * 60 * 1000;

/** "Ask" prompts once per site, not once per host: answers are keyed by `siteKey` (`www.bank.co.uk` → `bank.co.uk`). */
export const askSiteKey = siteKey;

export const createAskAnswer = (route: Route, remember: boolean, now: number): AskAnswer => ({
  route,
  expiresAt: remember ? null : now + ASK_ANSWER_TTL_MS,
});

const isLive = (answer: AskAnswer, now: number): boolean =>
  answer.expiresAt === null || answer.expiresAt > now;

/** The keys on the way from `host` up to (not including) `site`: an answer kept there would outrank the site's. */
const keysBelowSite = (host: string, site: string): string[] => {
  const keys: string[] = [];
  for (let key = host; key !== site && key.endsWith(`.${site}`); key = key.slice(key.indexOf('.') + 1))
    keys.push(key);
  return keys;
};

/**
 * Records an answer for the host's site, dropping answers that have expired by `now` and any older answer keyed
 * between the host and its site (kept by an earlier version with another site key), so the new answer is the
 * one that applies to the host.
 */
export const rememberAskAnswer = (
  answers: AskAnswers,
  rawHost: string,
  route: Route,
  remember: boolean,
  now: number,
): AskAnswers => {
  const host = normalizeHost(rawHost);
  const site = siteKey(host);
  const shadowing = new Set(keysBelowSite(host, site));
  const kept = Object.entries(pruneAskAnswers(answers, now)).filter(([key]) => !shadowing.has(key));
  return { ...Object.fromEntries(kept), [site]: createAskAnswer(route, remember, now) };
};

export const pruneAskAnswers = (answers: AskAnswers, now: number): AskAnswers =>
  Object.fromEntries(Object.entries(answers).filter(([, answer]) => isLive(answer, now)));

/** When the next answer expires (the PAC must be recompiled then), or null if none will. */
export const nextAskExpiry = (answers: AskAnswers, now: number): number | null => {
  let next: number | null = null;
  for (const { expiresAt } of Object.values(answers)) {
    if (expiresAt !== null && expiresAt > now && (next === null || expiresAt < next)) next = expiresAt;
  }
  return next;
};

/** The live answer for a host: keys match the host and its subdomains, the most specific key first
 * (an IP address matches only itself). */
export const findAskAnswer = (answers: AskAnswers, rawHost: string, now: number): AskAnswer | undefined => {
  const host = normalizeHost(rawHost);
  for (let key: string | null = host; key !== null;) {
    const answer = Object.hasOwn(answers, key) ? answers[key] : undefined;
    if (answer && isLive(answer, now)) return answer;
    const dot: number = isIpLiteral(host) ? -1 : key.indexOf('.');
    key = dot >= 0 ? key.slice(dot + 1) : null;
  }
  return undefined;
};
