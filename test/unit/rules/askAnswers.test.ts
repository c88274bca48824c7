import { describe, expect, it } from 'vitest';
import {
  ASK_ANSWER_TTL_MS,
  askSiteKey,
  createAskAnswer,
  findAskAnswer,
  nextAskExpiry,
  pruneAskAnswers,
  rememberAskAnswer,
} from '../../../src/rules';

const now = 1_800_000_000_000;

describe('ask answers', () => {
  it.each([
    ['www.bank.co.uk', 'bank.co.uk'],
    ['Login.Bank.com.', 'bank.com'],
    ['bank.com', 'bank.com'],
    ['8.8.8.8', '8.8.8.8'],
    ['[2001:db8::1]', '2001:db8::1'],
  ])('asks once per site: %j is keyed %j', (host, key) => {
    expect(askSiteKey(host)).toBe(key);
  });

  it('keeps an answer for one hour unless remembered', () => {
    expect(createAskAnswer('vpn', false, now)).toEqual({ route: 'vpn', expiresAt: now + ASK_ANSWER_TTL_MS });
    expect(createAskAnswer('direct', true, now)).toEqual({ route: 'direct', expiresAt: null });
    expect(ASK_ANSWER_TTL_MS).toBe(3_600_000);
  });

  it('finds the answer for the host and its subdomains until it expires', () => {
    const answers = rememberAskAnswer({}, 'www.bank.com', 'vpn', false, now);
    expect(answers).toEqual({ 'bank.com': { route: 'vpn', expiresAt: now + ASK_ANSWER_TTL_MS } });
    expect(findAskAnswer(answers, 'bank.com', now)?.route).toBe('vpn');
    expect(findAskAnswer(answers, 'LOGIN.bank.com.', now + ASK_ANSWER_TTL_MS - 1)?.route).toBe('vpn');
    expect(findAskAnswer(answers, 'login.bank.com', now + ASK_ANSWER_TTL_MS)).toBeUndefined();
    expect(findAskAnswer(answers, 'notbank.com', now)).toBeUndefined();
  });

  it('keys an answer by the customer site on shared hosting, and it outranks an older answer below the site', () => {
    const older = { 'www.alice.github.io': createAskAnswer('direct', true, now) };
    const answers = rememberAskAnswer(older, 'WWW.alice.github.io', 'vpn', true, now);
    expect(answers).toEqual({ 'alice.github.io': { route: 'vpn', expiresAt: null } });
    expect(findAskAnswer(answers, 'www.alice.github.io', now)?.route).toBe('vpn');
    expect(findAskAnswer(answers, 'bob.github.io', now)).toBeUndefined();
  });

  it('prefers the most specific answer', () => {
    const answers = {
      'bank.com': createAskAnswer('vpn', true, now),
      'x.bank.com': createAskAnswer('direct', true, now),
    };
    expect(findAskAnswer(answers, 'a.x.bank.com', now)?.route).toBe('direct');
    expect(findAskAnswer(answers, 'y.bank.com', now)?.route).toBe('vpn');
  });

  it('matches an IP address only by itself', () => {
    const answers = { '2.3.4': createAskAnswer('vpn', true, now) };
    expect(findAskAnswer(answers, '1.2.3.4', now)).toBeUndefined();
  });

  it('ignores keys inherited from Object.prototype', () => {
    expect(findAskAnswer({}, 'constructor', now)).toBeUndefined();
  });

  it('prunes expired answers and tells when the next one expires', () => {
    const answers = {
      'a.com': { route: 'vpn' as const, expiresAt: now - 1 },
      'b.com': { route: 'vpn' as const, expiresAt: now + 10 },
      'c.com': { route: 'direct' as const, expiresAt: now + 5 },
      'd.com': { route: 'direct' as const, expiresAt: null },
    };
    expect(Object.keys(pruneAskAnswers(answers, now))).toEqual(['b.com', 'c.com', 'd.com']);
    expect(nextAskExpiry(answers, now)).toBe(now + 5);
    expect(nextAskExpiry({ 'd.com': { route: 'vpn', expiresAt: null } }, now)).toBeNull();
    expect(Object.keys(rememberAskAnswer(answers, 'e.com', 'vpn', true, now))).toEqual([
      'b.com',
      'c.com',
      'd.com',
      'e.com',
    ]);
  });
});
