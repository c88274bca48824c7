import type { ProxyCredentialPayload } from '../../src/api/proxyCredential';
import type { UsageCharge } from './clusterMessages';
import { DailyUsage } from './dailyUsage';
import { principalKey } from './principal';
import type { UsageReporter } from './usageReporter';

/**
 * The cluster primary's view of usage: every worker's counts summed per device and day, so the account
 * service gets each device once per batch, and a device's allowance is measured against all the traffic it
 * made through this gateway, whichever worker carried it.
 */
export class UsageHub {
  readonly usage = new DailyUsage();

  constructor(
    private readonly reporter: UsageReporter,
    private readonly now: () => number,
  ) {}

  received(credentials: readonly ProxyCredentialPayload[], charges: readonly UsageCharge[]): void {
    for (const credential of credentials) this.usage.observeCredential(credential, this.now());
    for (const { at, uploadBytes, downloadBytes, ...key } of charges) {
      this.usage.add(principalKey(key), uploadBytes + downloadBytes, at);
      this.reporter.add(key, uploadBytes, downloadBytes);
    }
  }

  /** The account service said these devices are at their limit (all gateways counted). */
  overLimit(deviceIds: readonly string[]): void {
    for (const deviceId of deviceIds) this.usage.markExhausted(principalKey({ deviceId }), this.now());
  }

  /** Principals at their limit today, for every worker to refuse and cut. */
  exhausted(): string[] {
    const at = this.now();
    this.usage.prune(at);
    return this.usage.exhausted(at);
  }
}
