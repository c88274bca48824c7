import type { AccountDeviceView, DeviceStatusSummary } from '../../src/api/devices';
import { deviceProblems } from '../../src/management';
import { devicesRepository, managementRepository, type AccountDeviceRow, type Database } from '../db';
import { ApiError } from '../errors';
import { isOnline, reportWhileLinked, resolutionsOf } from './management';

type StoredReport = Awaited<ReturnType<ReturnType<typeof managementRepository>['reportsOf']>>[number];

function summary(
  row: AccountDeviceRow,
  report: StoredReport | undefined,
  now: Date,
): DeviceStatusSummary | null {
  const current = reportWhileLinked(report ?? null, row.linkedAt);
  if (current === null) return null;
  const { state, reportedAt } = current;
  return {
    online: isOnline(reportedAt, now),
    reportedAt: reportedAt.toISOString(),
    vpn: state.vpn.state,
    protectionEnabled: state.protection.enabled,
    problems: deviceProblems(state, now.getTime(), resolutionsOf(report?.resolutions ?? null)).length,
  };
}

const view = (row: AccountDeviceRow, status: DeviceStatusSummary | null): AccountDeviceView => ({
  id: row.id,
  name: row.name,
  platform: row.platform,
  linkedAt: row.linkedAt?.toISOString() ?? null,
  lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
  status,
});

/** The account's devices as the portal lists them: each with its name and the state it last reported. */
export function createAccountDevicesService(deps: { db: Database; now: () => Date }) {
  const devices = devicesRepository(deps.db);
  const management = managementRepository(deps.db);

  async function withStatus(rows: readonly AccountDeviceRow[]): Promise<AccountDeviceView[]> {
    const reports = new Map(
      (await management.reportsOf(rows.map((row) => row.id))).map((report) => [report.deviceId, report]),
    );
    const now = deps.now();
    return rows.map((row) => view(row, summary(row, reports.get(row.id), now)));
  }

  return {
    list: async (userId: string): Promise<AccountDeviceView[]> =>
      withStatus(await devices.listForUser(userId)),

    /** Gives the device the account's own name; the extension's registered name stays underneath. */
    async rename(userId: string, deviceId: string, name: string): Promise<AccountDeviceView> {
      const row = await devices.rename(deviceId, userId, name);
      if (row === null) throw new ApiError('notFound', 'No such device on this account.');
      const [renamed] = await withStatus([row]);
      if (renamed === undefined) throw new Error('rename: the renamed device vanished');
      return renamed;
    },
  };
}
export type AccountDevicesService = ReturnType<typeof createAccountDevicesService>;
