import { z } from 'zod';
import { connectionStates } from '../status/states';
import { isoDate, uuid } from './common';
import { epochMs, int32Count, text } from './storable';

// Remote management: devices report their status and collect commands in one call; the portal reads a
// device's status, problems and commands, and queues commands. Problems are worked out by
// `src/management/problems.ts` on the service, so the portal only draws them.

/** Commands the portal may send. `setRegion` needs a subscription (the free tier has Optimal only). */
export const deviceCommand = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('setProtection'), enabled: z.boolean() }),
  z.strictObject({ type: z.literal('updateDatabases') }),
  z.strictObject({ type: z.literal('setVpn'), enabled: z.boolean() }),
  z.strictObject({ type: z.literal('setRegion'), region: text().trim().min(1).max(64) }),
  z.strictObject({ type: z.literal('checkTabs') }),
]);
export type DeviceCommand = z.infer<typeof deviceCommand>;

/** A command the device has not run yet expires this long after it was queued. */
export const COMMAND_TTL_DAYS = 7;

/** What the device says after running a command; `message` is shown in the portal as is. */
export const commandResult = z.strictObject({
  id: uuid,
  outcome: z.enum(['done', 'failed']),
  message: text().max(500),
});
export type CommandResult = z.infer<typeof commandResult>;

export const reportedDetection = z.strictObject({
  url: text().max(2048),
  threat: text().max(64),
  list: text().max(128),
  /** Milliseconds since the epoch. */
  at: epochMs(),
  kind: z.enum(['page', 'resource']),
});
export type ReportedDetection = z.infer<typeof reportedDetection>;

export const deviceState = z.strictObject({
  extensionVersion: text().max(32),
  vpn: z.strictObject({
    state: z.enum(connectionStates),
    region: text().max(64),
    exitAddress: text().max(64).nullable(),
    /** Another extension controls the browser's proxy settings, so Rampart cannot route. */
    proxyControlledByOther: z.boolean(),
  }),
  killSwitch: z.boolean(),
  protection: z.strictObject({
    enabled: z.boolean(),
    databaseVersion: int32Count(),
    /** When the list in force was last installed or confirmed current by an update check. */
    databaseUpdatedAt: isoDate,
  }),
  /** The most recent detections, newest last. */
  detections: z.array(reportedDetection).max(100),
});
export type DeviceState = z.infer<typeof deviceState>;

/** POST /api/v1/devices/me/report (device token): the state, plus results of commands run since the last report. */
export const deviceReportRequest = z.strictObject({
  state: deviceState,
  results: z.array(commandResult).max(50),
});
export type DeviceReportRequest = z.infer<typeof deviceReportRequest>;

export const pendingCommand = z.object({ id: uuid, command: deviceCommand, createdAt: isoDate });
export type PendingCommand = z.infer<typeof pendingCommand>;
/** The commands to run now (each handed out until its result arrives, so a lost answer loses nothing). */
export const deviceReportResponse = z.object({ commands: z.array(pendingCommand) });

export const commandStatus = z.enum(['planned', 'delivered', 'done', 'failed', 'expired']);
export type CommandStatus = z.infer<typeof commandStatus>;
export const commandView = z.object({
  id: uuid,
  command: deviceCommand,
  status: commandStatus,
  createdAt: isoDate,
  expiresAt: isoDate,
  deliveredAt: isoDate.nullable(),
  finishedAt: isoDate.nullable(),
  message: z.string().nullable(),
});
export type CommandView = z.infer<typeof commandView>;

/** A detection as the portal lists it; `key` names it when it is marked as resolved. */
export const detectionView = reportedDetection.extend({ key: z.string() });
export type DetectionView = z.infer<typeof detectionView>;

/** Up to this many detections are listed one by one; more are grouped and resolved together. */
export const MAX_LISTED_DETECTIONS = 10;
/** A threat database older than this is a problem. */
export const DATABASE_MAX_AGE_DAYS = 3;

export const problem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('protectionOff'), fix: deviceCommand }),
  z.object({ kind: z.literal('databaseOutdated'), ageDays: z.number().int(), fix: deviceCommand }),
  /** Explained only: the user has to turn the other extension off in the browser. */
  z.object({ kind: z.literal('proxyTakenOver') }),
  z.object({ kind: z.literal('detection'), detection: detectionView }),
  z.object({ kind: z.literal('detectionGroup'), count: z.number().int(), newestAt: z.number().int() }),
]);
export type Problem = z.infer<typeof problem>;

/** GET /api/v1/account/devices/:id (session). */
export const deviceDetailResponse = z.object({
  device: z.object({
    id: uuid,
    name: z.string().nullable(),
    platform: z.string().nullable(),
    linkedAt: isoDate.nullable(),
    lastSeenAt: isoDate.nullable(),
  }),
  /** Null until the device reported once. */
  status: z
    .object({ reportedAt: isoDate, online: z.boolean(), state: deviceState, tier: z.string() })
    .nullable(),
  problems: z.array(problem),
  /** Newest first, the last 30 days. */
  commands: z.array(commandView),
  /** Regions the device may be sent to besides Optimal, with their gateways' cities (empty on the free tier). */
  regions: z.array(z.object({ region: z.string(), cities: z.array(z.string()) })),
});
export type DeviceDetail = z.infer<typeof deviceDetailResponse>;

/** POST /api/v1/account/devices/:id/commands (session + CSRF) → 201 commandView. */
export const sendCommandRequest = z.strictObject({ command: deviceCommand });

/** POST /api/v1/account/devices/:id/detections/resolve (session + CSRF) → 204. */
export const resolveDetectionsRequest = z.union([
  z.strictObject({ keys: z.array(text().max(64)).min(1).max(MAX_LISTED_DETECTIONS) }),
  z.strictObject({ all: z.literal(true) }),
]);

/** GET /api/v1/account/traffic (session): bytes through the VPN per UTC day and device, last 30 days. */
export const TRAFFIC_REPORT_DAYS = 30;
export const trafficReportResponse = z.object({
  /** YYYY-MM-DD, oldest first, `TRAFFIC_REPORT_DAYS` entries ending today (UTC). */
  days: z.array(z.string()),
  devices: z.array(
    z.object({
      id: uuid,
      name: z.string().nullable(),
      platform: z.string().nullable(),
      /** One entry per day, same order as `days`. */
      bytes: z.array(z.number().int().nonnegative()),
      totalBytes: z.number().int().nonnegative(),
    }),
  ),
  totalBytes: z.number().int().nonnegative(),
});
export type TrafficReport = z.infer<typeof trafficReportResponse>;
