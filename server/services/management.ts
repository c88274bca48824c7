import { randomUUID } from 'node:crypto';
import type { Tier } from '../../src/api/common';
import {
  COMMAND_TTL_DAYS,
  MAX_LISTED_DETECTIONS,
  deviceCommand,
  deviceState,
  type CommandResult,
  type CommandStatus,
  type CommandView,
  type DeviceCommand,
  type DeviceDetail,
  type DeviceReportRequest,
  type DeviceState,
  type PendingCommand,
} from '../../src/api/management';
import {
  deviceProblems,
  detectionKey,
  openDetections,
  type DetectionResolutions,
} from '../../src/management';
import { OPTIMAL_REGION } from '../../src/settings/schema';
import type { Limits } from '../config';
import {
  devicesRepository,
  gatewaysRepository,
  managementRepository,
  type CommandRow,
  type Database,
  type DeviceContext,
  type DeviceReportRow,
  type Queryable,
  type ResolutionsRow,
} from '../db';
import { ApiError } from '../errors';
import type { DevicesService } from './devices';
import { accountEntitlement } from './entitlements';

const DAY_MS = 86_400_000;
/** A device that reported this recently is shown as online. */
export const ONLINE_WITHIN_MS = 2 * 60_000;
/** The portal lists this much command history; older commands are deleted. */
export const COMMAND_HISTORY_DAYS = 30;
/** Commands waiting to run on one device, at most: the queue of a device that is off for a week stays short. */
export const MAX_WAITING_COMMANDS = 20;

const noSuchDevice = () => new ApiError('notFound', 'No such device on this account.');

/** What the portal shows for a command; a result beats the expiry (a command may finish just after it). */
export function commandStatus(row: CommandRow, now: Date): CommandStatus {
  if (row.outcome !== null) return row.outcome;
  if (row.expiresAt <= now) return 'expired';
  return row.deliveredAt !== null ? 'delivered' : 'planned';
}

const commandView = (row: CommandRow, now: Date): CommandView => ({
  id: row.id,
  command: deviceCommand.parse(row.command),
  status: commandStatus(row, now),
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
  deliveredAt: row.deliveredAt?.toISOString() ?? null,
  finishedAt: row.finishedAt?.toISOString() ?? null,
  message: row.message,
});

export const resolutionsOf = (row: ResolutionsRow | null): DetectionResolutions => ({
  resolvedThrough: row?.resolvedThrough ?? -1,
  keys: new Set(row?.keys ?? []),
});

/** A stored report, if it came while the device was linked to its present account and still fits the contract. */
export function reportWhileLinked(
  report: DeviceReportRow | null,
  linkedAt: Date | null,
): { state: DeviceState; reportedAt: Date } | null {
  if (report === null || linkedAt === null || report.reportedAt < linkedAt) return null;
  // Stored reports were valid when they came; one that no longer fits the contract counts as none.
  const state = deviceState.safeParse(report.state);
  return state.success ? { state: state.data, reportedAt: report.reportedAt } : null;
}

/** Whether a device that reported at `reportedAt` counts as online at `now`. */
export const isOnline = (reportedAt: Date, now: Date): boolean =>
  now.getTime() - reportedAt.getTime() <= ONLINE_WITHIN_MS;

/** The first result per command counts: a device resending its results changes nothing. */
const firstResults = (results: readonly CommandResult[]): CommandResult[] => {
  const seen = new Set<string>();
  return results.filter((result) => {
    if (seen.has(result.id)) return false;
    seen.add(result.id);
    return true;
  });
};

export function createManagementService(deps: {
  db: Database;
  now: () => Date;
  limits: Limits;
  devices: Pick<DevicesService, 'touch'>;
}) {
  const management = managementRepository(deps.db);
  const devices = devicesRepository(deps.db);

  const tierOf = async (db: Queryable, userId: string): Promise<Tier> =>
    (await accountEntitlement(db, userId, deps.now(), deps.limits)).entitlement.tier;

  /** The device's latest report, if it came while linked to its present account. */
  async function currentState(db: Queryable, deviceId: string, linkedAt: Date | null) {
    return reportWhileLinked(await managementRepository(db).report(deviceId), linkedAt);
  }

  return {
    /**
     * A device's report: its state replaces the last one, results finish its commands, and the answer is
     * every command still to run (again and again until its result arrives, so a lost answer loses nothing).
     */
    async report(device: DeviceContext, input: DeviceReportRequest): Promise<PendingCommand[]> {
      if (device.userId === null) {
        throw new ApiError('deviceNotLinked', 'Link this device to an account before reporting its status.');
      }
      await deps.devices.touch(device);
      const now = deps.now();
      const rows = await deps.db.transaction(async (tx) => {
        const repository = managementRepository(tx);
        await repository.saveReport(device.deviceId, input.state, now);
        await repository.finishCommands(device.deviceId, firstResults(input.results), now);
        return repository.handOut(device.deviceId, now);
      });
      return rows.map((row) => ({
        id: row.id,
        command: deviceCommand.parse(row.command),
        createdAt: row.createdAt.toISOString(),
      }));
    },

    async detail(userId: string, deviceId: string): Promise<DeviceDetail> {
      const device = await devices.ofAccount(deviceId, userId);
      if (device === null) throw noSuchDevice();
      const now = deps.now();
      const [current, resolutions, commands, tier] = await Promise.all([
        currentState(deps.db, deviceId, device.linkedAt),
        management.resolutions(deviceId),
        management.commandsSince(deviceId, userId, new Date(now.getTime() - COMMAND_HISTORY_DAYS * DAY_MS)),
        tierOf(deps.db, userId),
      ]);
      return {
        device: {
          id: device.id,
          name: device.name,
          platform: device.platform,
          linkedAt: device.linkedAt?.toISOString() ?? null,
          lastSeenAt: device.lastSeenAt?.toISOString() ?? null,
        },
        status:
          current === null
            ? null
            : {
                reportedAt: current.reportedAt.toISOString(),
                online: isOnline(current.reportedAt, now),
                state: current.state,
                tier,
              },
        problems:
          current === null ? [] : deviceProblems(current.state, now.getTime(), resolutionsOf(resolutions)),
        commands: commands.map((row) => commandView(row, now)),
        regions: tier === 'unlimited' ? await gatewaysRepository(deps.db).regionPlaces() : [],
      };
    },

    /** Queues a command for the device's next report; it expires after `COMMAND_TTL_DAYS` unless run. */
    async sendCommand(userId: string, deviceId: string, command: DeviceCommand): Promise<CommandView> {
      const now = deps.now();
      const row = await deps.db.transaction(async (tx) => {
        // The row lock makes the queue bound hold against two tabs sending at once.
        if ((await devicesRepository(tx).ofAccount(deviceId, userId, true)) === null) throw noSuchDevice();
        if (command.type === 'setRegion') {
          if ((await tierOf(tx, userId)) !== 'unlimited') {
            throw new ApiError(
              'subscriptionRequired',
              'Changing the region needs a subscription; the free plan uses Optimal only.',
            );
          }
          const regions = await gatewaysRepository(tx).regions();
          if (command.region !== OPTIMAL_REGION && !regions.includes(command.region)) {
            throw new ApiError(
              'invalidRequest',
              `No gateway serves the region "${command.region}". Choose one of: ${[OPTIMAL_REGION, ...regions].join(', ')}.`,
              { regions },
            );
          }
        }
        const repository = managementRepository(tx);
        if ((await repository.countWaiting(deviceId, userId, now)) >= MAX_WAITING_COMMANDS) {
          throw new ApiError(
            'commandQueueFull',
            `This device already has ${MAX_WAITING_COMMANDS} commands waiting. Wait until it runs them or they expire.`,
            { limit: MAX_WAITING_COMMANDS },
          );
        }
        await repository.pruneCommands(deviceId, new Date(now.getTime() - COMMAND_HISTORY_DAYS * DAY_MS));
        return repository.insertCommand({
          id: randomUUID(),
          deviceId,
          userId,
          command,
          now,
          expiresAt: new Date(now.getTime() + COMMAND_TTL_DAYS * DAY_MS),
        });
      });
      return commandView(row, now);
    },

    /**
     * Marks detections as resolved: some by key while they are listed one by one, or all reported so far.
     * Keys of detections no longer reported are dropped, so the stored list stays as short as a report.
     */
    async resolveDetections(
      userId: string,
      deviceId: string,
      request: { keys: string[] } | { all: true },
    ): Promise<void> {
      await deps.db.transaction(async (tx) => {
        const device = await devicesRepository(tx).ofAccount(deviceId, userId, true);
        if (device === null) throw noSuchDevice();
        const current = await currentState(tx, deviceId, device.linkedAt);
        if (current === null) return;
        const repository = managementRepository(tx);
        const stored = await repository.resolutions(deviceId);
        const resolutions = resolutionsOf(stored);
        const reported = new Set(current.state.detections.map(detectionKey));
        let resolvedThrough = resolutions.resolvedThrough;
        let keys = [...resolutions.keys];
        if ('all' in request) {
          const newest = Math.max(-1, ...current.state.detections.map((d) => d.at));
          resolvedThrough = Math.max(resolvedThrough, newest);
        } else {
          const open = openDetections(current.state, resolutions).length;
          if (open > MAX_LISTED_DETECTIONS) {
            throw new ApiError(
              'detectionsGrouped',
              `This device has ${open} open detections, more than ${MAX_LISTED_DETECTIONS}; they can only be resolved all together.`,
              { open },
            );
          }
          keys = [...keys, ...request.keys];
        }
        await repository.saveResolutions(deviceId, {
          resolvedThrough,
          keys: [...new Set(keys)].filter((key) => reported.has(key)),
        });
      });
    },
  };
}
export type ManagementService = ReturnType<typeof createManagementService>;
