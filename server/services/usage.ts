import {
  gatewayUsageEntrySchema,
  type GatewayUsageBatchRequest,
  type GatewayUsageEntry,
} from '../../src/api/proxyCredential';
import { MAX_STORED_BYTES } from '../../src/api/storable';
import type { Limits } from '../config';
import { usageRepository, type Database, type DeviceContext } from '../db';
import { entitlementOf } from './entitlements';
import { nextUtcMidnight, utcDay } from './time';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// "2026-02-30" matches the contract's pattern but is no day; the database would refuse the whole batch.
const isCalendarDay = (day: string): boolean => {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
};

export function createUsageService(deps: { db: Database; now: () => Date; limits: Limits }) {
  return {
    /**
     * Counts a gateway's batch once (gateways resend the same batch id until acknowledged) on the UTC day
     * each entry names, and tells the gateway which devices are now at their limit.
     */
    async report(
      batch: GatewayUsageBatchRequest,
    ): Promise<{ accepted: number; duplicate: boolean; overLimit: string[] }> {
      const now = deps.now();
      // Entries that cannot be counted (malformed, out of range, device ids that are not ours) are dropped
      // one by one, which keeps the batch (and its retries) moving.
      const entries = batch.entries
        .flatMap((raw): GatewayUsageEntry[] => {
          const entry = gatewayUsageEntrySchema.safeParse(raw);
          return entry.success ? [entry.data] : [];
        })
        .filter((e) => uuidPattern.test(e.deviceId) && isCalendarDay(e.day))
        .map((e) => ({
          deviceId: e.deviceId,
          day: e.day,
          bytes: Math.min(e.uploadBytes + e.downloadBytes, MAX_STORED_BYTES),
        }));
      const totals = await deps.db.transaction(async (tx) => {
        if (!(await usageRepository(tx).claimBatch(batch.batchId, now))) return null;
        return usageRepository(tx).add(entries);
      });
      if (totals === null) return { accepted: 0, duplicate: true, overLimit: [] };
      const today = utcDay(now);
      const overLimit = totals
        .filter((total) => {
          if (total.day !== today) return false;
          const { dailyLimitBytes } = entitlementOf(
            { ...total, subscriptionDeviceLimit: null },
            now,
            deps.limits,
          );
          return dailyLimitBytes !== null && total.bytes >= dailyLimitBytes;
        })
        .map((total) => total.deviceId);
      return { accepted: totals.length, duplicate: false, overLimit };
    },

    today(device: DeviceContext) {
      const now = deps.now();
      const { dailyLimitBytes } = entitlementOf(device, now, deps.limits);
      return {
        day: utcDay(now),
        usedBytes: device.usedTodayBytes,
        limitBytes: dailyLimitBytes,
        resetsAt: nextUtcMidnight(now),
      };
    },
  };
}
export type UsageService = ReturnType<typeof createUsageService>;
