import { TRAFFIC_REPORT_DAYS, type TrafficReport } from '../../src/api/management';
import { devicesRepository, usageRepository, type Database } from '../db';
import { utcDay } from './time';

/** The UTC days of the report, oldest first, ending with today. */
export function reportDays(now: Date, count = TRAFFIC_REPORT_DAYS): string[] {
  return Array.from({ length: count }, (_, i) =>
    utcDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (count - 1 - i)))),
  );
}

/** The secure traffic report: what each of the account's devices sent through the VPN, per UTC day. */
export function createTrafficService(deps: { db: Database; now: () => Date }) {
  const devices = devicesRepository(deps.db);
  const usage = usageRepository(deps.db);
  return {
    async report(userId: string): Promise<TrafficReport> {
      const days = reportDays(deps.now());
      const linked = await devices.listForUser(userId);
      const rows = await usage.dailyBytes(
        linked.map((d) => d.id),
        days[0] ?? '',
        days.at(-1) ?? '',
      );
      const bytesOf = new Map(rows.map((row) => [`${row.deviceId} ${row.day}`, row.bytes]));
      const perDevice = linked.map((device) => {
        const bytes = days.map((day) => bytesOf.get(`${device.id} ${day}`) ?? 0);
        return {
          id: device.id,
          name: device.name,
          platform: device.platform,
          bytes,
          totalBytes: bytes.reduce((sum, b) => sum + b, 0),
        };
      });
      return { days, devices: perDevice, totalBytes: perDevice.reduce((sum, d) => sum + d.totalBytes, 0) };
    },
  };
}
export type TrafficService = ReturnType<typeof createTrafficService>;
