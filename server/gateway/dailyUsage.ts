import type { ProxyCredentialPayload } from '../../src/api/proxyCredential';
import { principalKey } from './principal';
import { utcDay } from './utcDay';

interface Day {
  day: string;
  /** Bytes this gateway counted today. */
  counted: number;
  /** `usedBytesAtIssue` of the newest credential seen today, and `counted` at the moment it was seen. */
  baseline: number;
  countedAtBaseline: number;
  baselineIssuedAt: number;
  /** From the newest credential seen today; null = unlimited, undefined = no credential seen today yet. */
  limit: number | null | undefined;
  /** The account service answered a usage report saying this principal is at its limit (all gateways summed). */
  serviceSaysExhausted: boolean;
}

/**
 * Today's usage per principal without asking the account service on each request: the newest credential
 * tells what the service knew when it signed (`usedBytesAtIssue`, covering the other gateways too), and this
 * gateway adds what it counted since. Credentials are renewed every ~10 minutes, so the figure never lags far.
 * The small gap (bytes another gateway counted but had not reported yet) is accepted.
 */
export class DailyUsage {
  private readonly days = new Map<string, Day>();

  private today(key: string, now: number): Day {
    const day = utcDay(now);
    const found = this.days.get(key);
    if (found !== undefined && found.day === day) return found;
    const fresh: Day = {
      day,
      counted: 0,
      baseline: 0,
      countedAtBaseline: 0,
      baselineIssuedAt: 0,
      limit: undefined,
      serviceSaysExhausted: false,
    };
    this.days.set(key, fresh);
    return fresh;
  }

  observeCredential(credential: ProxyCredentialPayload, now: number): void {
    const entry = this.today(principalKey(credential), now);
    if (credential.issuedAt < entry.baselineIssuedAt) return;
    entry.limit = credential.dailyLimitBytes;
    // A credential signed yesterday speaks of yesterday's usage.
    if (utcDay(credential.issuedAt) !== entry.day || credential.issuedAt === entry.baselineIssuedAt) return;
    entry.baseline = credential.usedBytesAtIssue;
    entry.countedAtBaseline = entry.counted;
    entry.baselineIssuedAt = credential.issuedAt;
    // A newer credential carries the service's newer figure (and perhaps a larger allowance after linking).
    entry.serviceSaysExhausted = false;
  }

  markExhausted(key: string, now: number): void {
    this.today(key, now).serviceSaysExhausted = true;
  }

  isExhausted(key: string, limit: number | null, now: number): boolean {
    if (limit === null) return false;
    return this.today(key, now).serviceSaysExhausted || this.used(key, now) >= limit;
  }

  add(key: string, bytes: number, now: number): void {
    this.today(key, now).counted += bytes;
  }

  used(key: string, now: number): number {
    const entry = this.today(key, now);
    const counted = Math.max(entry.counted, entry.baseline + entry.counted - entry.countedAtBaseline);
    // What the service knows from all gateways is at least the limit, whatever this gateway saw.
    return entry.serviceSaysExhausted && typeof entry.limit === 'number'
      ? Math.max(counted, entry.limit)
      : counted;
  }

  /** Principals whose newest credential's limit is used up today. */
  exhausted(now: number): string[] {
    const day = utcDay(now);
    return [...this.days]
      .filter(
        ([key, entry]) =>
          entry.day === day && entry.limit !== undefined && this.isExhausted(key, entry.limit, now),
      )
      .map(([key]) => key);
  }

  /** Forgets principals with no traffic today, so memory follows today's users only. */
  prune(now: number): void {
    const day = utcDay(now);
    for (const [key, entry] of this.days) if (entry.day !== day) this.days.delete(key);
  }
}
