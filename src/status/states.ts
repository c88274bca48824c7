import { z } from 'zod';
import { errorReasons, type ConnectionState } from './stateNames';

export { connectionStates, errorReasons, type ConnectionState, type ErrorReason } from './stateNames';

const since = z.number();

/**
 * The stored connection record (kept in `storage.session`, so a restarted worker restores it). Each state
 * carries only what belongs to it: the reset time belongs to `limit`, the reason to `error`, the exit address
 * to `on`, the failed attempts to `connecting`.
 */
export const connectionRecordSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('off'), since }),
  z.object({
    state: z.literal('connecting'),
    since,
    /** Checks that failed since connecting began; the machine gives up after `MAX_CONNECT_ATTEMPTS`. */
    failures: z.number().int().min(0),
    /** True when the connection was working (or wanted at a restart) and is being restored. */
    reconnecting: z.boolean(),
  }),
  z.object({ state: z.literal('on'), since, exitAddress: z.string().optional() }),
  z.object({ state: z.literal('error'), since, reason: z.enum(errorReasons) }),
  z.object({ state: z.literal('limit'), since, resetAt: z.number() }),
  z.object({ state: z.literal('loggedOut'), since }),
]);
export type ConnectionRecord = z.infer<typeof connectionRecordSchema>;
export type RecordOf<S extends ConnectionState> = Extract<ConnectionRecord, { state: S }>;

export const initialConnection = (now: number): ConnectionRecord => ({ state: 'off', since: now });

export interface GatewaySummary {
  id: string;
  region: string;
  city: string;
}

/** What the pages need besides the state itself; everything shown is derived from these and the state. */
export interface StatusFacts {
  gateway?: GatewaySummary | undefined;
  /** The region the user chose (`optimal`, a region code, or `self-hosted`). */
  region: string;
  version: string;
  protectionEnabled: boolean;
  vpnEnabled: boolean;
  killSwitch: boolean;
  proxyControlledByOther: boolean;
}

/** What the popup needs to draw the connection at a glance. */
export type ConnectionStatus = ConnectionRecord & StatusFacts;

const gatewaySummarySchema = z.object({ id: z.string(), region: z.string(), city: z.string() });

/** A status as `getStatus` answers it: the published status's schema (`../storage/vpnValues.ts`). */
export const connectionStatusSchema: z.ZodType<ConnectionStatus> = z.intersection(
  connectionRecordSchema,
  z.object({
    gateway: gatewaySummarySchema.optional(),
    region: z.string(),
    version: z.string(),
    protectionEnabled: z.boolean(),
    vpnEnabled: z.boolean(),
    killSwitch: z.boolean(),
    proxyControlledByOther: z.boolean(),
  }),
);
