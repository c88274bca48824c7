import type { GatewayRefusalReason, ProxyCredentialPayload } from '../../src/api/proxyCredential';
import { err, ok, type Result } from '../../src/result';
import { verifyProxyCredential, type PublicKeySet } from '../credentials';

/** Enough for every device active within one credential lifetime on a busy gateway. */
const MAX_CACHED = 50_000;

/**
 * Verifies the Basic-auth password as a proxy credential. A browser presents the same token on every request
 * for ten minutes or more, so a verified token is remembered and only its expiry is checked again: one
 * signature check per token instead of one per tunnel.
 */
export class CredentialCheck {
  private readonly verified = new Map<string, ProxyCredentialPayload>();

  constructor(private readonly publicKeys: PublicKeySet) {}

  check(token: string, now: number): Result<ProxyCredentialPayload, GatewayRefusalReason> {
    if (token === '') return err('credential-missing');
    const cached = this.verified.get(token);
    if (cached !== undefined) {
      if (now < cached.expiresAt) return ok(cached);
      this.verified.delete(token);
      return err('credential-expired');
    }
    const result = verifyProxyCredential(token, this.publicKeys, now);
    if (!result.ok)
      return err(result.error.code === 'credential-expired' ? 'credential-expired' : 'credential-invalid');
    if (this.verified.size >= MAX_CACHED) this.evictOldest();
    this.verified.set(token, result.value);
    return ok(result.value);
  }

  private evictOldest(): void {
    for (const token of this.verified.keys()) {
      this.verified.delete(token);
      return;
    }
  }
}
