import { describe, expect, it } from 'vitest';
import { newProxyCredentialPayload, PROXY_CREDENTIAL_TTL_MS } from '../../../src/api/proxyCredential';
import {
  generateCredentialKeys,
  publicKeySetOf,
  signProxyCredential,
  verifyProxyCredential,
} from '../../../server/credentials';

const now = Date.UTC(2026, 10, 23, 9, 30);
const keys = generateCredentialKeys();
const trusted = publicKeySetOf(keys.publicKey);
const claims = {
  deviceId: 'dev-1',
  accountId: 'acc-1',
  tier: 'free' as const,
  dailyLimitBytes: 300 * 1024 * 1024,
  usedBytesAtIssue: 1234,
  keyId: keys.keyId,
};
const token = signProxyCredential(newProxyCredentialPayload(claims, now), keys.privateKey);
const codeOf = (result: ReturnType<typeof verifyProxyCredential>) => (result.ok ? 'ok' : result.error.code);

/** Replaces one character of the token at `index` with another base64url character. */
const flip = (text: string, index: number) =>
  text.slice(0, index) + (text[index] === 'A' ? 'B' : 'A') + text.slice(index + 1);

describe('proxy credentials', () => {
  it('verifies a fresh credential and returns its exact claims', () => {
    expect(verifyProxyCredential(token, trusted, now + 1000)).toEqual({
      ok: true,
      value: { ...claims, issuedAt: now, expiresAt: now + PROXY_CREDENTIAL_TTL_MS },
    });
  });

  it('lives 20 minutes and defaults usedBytesAtIssue to 0', () => {
    const { usedBytesAtIssue: _unused, ...rest } = claims;
    const fresh = signProxyCredential(newProxyCredentialPayload(rest, now), keys.privateKey);
    const verified = verifyProxyCredential(fresh, trusted, now + 20 * 60 * 1000 - 1);
    expect(verified.ok && verified.value.usedBytesAtIssue).toBe(0);
    expect(codeOf(verifyProxyCredential(fresh, trusted, now + 20 * 60 * 1000))).toBe('credential-expired');
  });

  it('is compact: base64url payload and signature', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
    expect(token.length).toBeLessThan(400);
  });

  it('refuses an expired credential', () => {
    expect(codeOf(verifyProxyCredential(token, trusted, now + PROXY_CREDENTIAL_TTL_MS + 1))).toBe(
      'credential-expired',
    );
  });

  it('refuses a credential issued in the future beyond clock skew', () => {
    expect(codeOf(verifyProxyCredential(token, trusted, now - 5 * 60 * 1000))).toBe(
      'credential-not-yet-valid',
    );
    expect(codeOf(verifyProxyCredential(token, trusted, now - 30 * 1000))).toBe('ok');
  });

  it('refuses a tampered payload', () => {
    const [payload = '', signature = ''] = token.split('.');
    const claimsText = Buffer.from(payload, 'base64url').toString();
    const upgraded = Buffer.from(claimsText.replace('"free"', '"unlimited"')).toString('base64url');
    expect(codeOf(verifyProxyCredential(`${upgraded}.${signature}`, trusted, now))).toBe(
      'credential-bad-signature',
    );
  });

  it.each([0, 10, 40])('refuses a token with character %i of the payload changed', (index) => {
    expect(codeOf(verifyProxyCredential(flip(token, index), trusted, now))).not.toBe('ok');
  });

  it('refuses a tampered signature', () => {
    const dot = token.indexOf('.');
    expect(codeOf(verifyProxyCredential(flip(token, dot + 5), trusted, now))).toBe(
      'credential-bad-signature',
    );
  });

  it('refuses a credential signed by a key the gateway does not trust', () => {
    const other = generateCredentialKeys();
    const foreign = signProxyCredential(
      newProxyCredentialPayload({ ...claims, keyId: other.keyId }, now),
      other.privateKey,
    );
    expect(codeOf(verifyProxyCredential(foreign, trusted, now))).toBe('credential-unknown-key');
  });

  it('refuses a credential signed by another key under a trusted key id', () => {
    const other = generateCredentialKeys();
    const forged = signProxyCredential(
      newProxyCredentialPayload({ ...claims, keyId: other.keyId }, now),
      other.privateKey,
    );
    const [payload = '', signature = ''] = forged.split('.');
    const relabelled = Buffer.from(
      Buffer.from(payload, 'base64url').toString().replace(other.keyId, keys.keyId),
    ).toString('base64url');
    expect(codeOf(verifyProxyCredential(`${relabelled}.${signature}`, trusted, now))).toBe(
      'credential-bad-signature',
    );
  });

  it('accepts any key of a rotation set', () => {
    const next = generateCredentialKeys();
    const both = publicKeySetOf(keys.publicKey, next.publicKey);
    const rotated = signProxyCredential(
      newProxyCredentialPayload({ ...claims, keyId: next.keyId }, now),
      next.privateKey,
    );
    expect(codeOf(verifyProxyCredential(rotated, both, now))).toBe('ok');
    expect(codeOf(verifyProxyCredential(token, both, now))).toBe('ok');
  });

  it.each([
    '',
    'garbage',
    'a.b.c',
    '.',
    'not base64!.sig',
    `${Buffer.from('{"deviceId":1}').toString('base64url')}.${'A'.repeat(86)}`,
    `${Buffer.from('not json').toString('base64url')}.${'A'.repeat(86)}`,
    `${token.split('.')[0]}.${'A'.repeat(10)}`,
    `${token}=`,
    'x'.repeat(5000),
  ])('refuses garbage %#', (garbage) => {
    expect(codeOf(verifyProxyCredential(garbage, trusted, now))).toBe('credential-malformed');
  });

  it('will not sign with a key that the payload does not name', () => {
    const other = generateCredentialKeys();
    expect(() => signProxyCredential(newProxyCredentialPayload(claims, now), other.privateKey)).toThrow();
  });

  it('will not sign an invalid payload', () => {
    expect(() =>
      signProxyCredential({ ...newProxyCredentialPayload(claims, now), expiresAt: now - 1 }, keys.privateKey),
    ).toThrow();
  });
});
