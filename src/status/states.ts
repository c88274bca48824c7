import { z } from 'zod';

/** The connection states of DESIGN.md's state machine. */
export const connectionStates = ['off', 'connecting', 'on', 'error', 'limit', 'loggedOut'] as const;
export type ConnectionState = (typeof connectionStates)[number];

export const errorReasons = [
  'gatewayUnreachable',
  'credentialsRefused',
  'noGateway',
  'serviceUnreachable',
] as const;
export type ErrorReason = (typeof errorReasons)[number];

/** The stored connection record (kept in `storage.session`, so a restarted worker restores it). */
export const connectionRecordSchema = z.object({
  state: z.enum(connectionStates),
  since: z.number(),
  reason: z.enum(errorReasons).optional(),
  limitResetAt: z.number().optional(),
  exitAddress: z.string().optional(),
});
export type ConnectionRecord = z.infer<typeof connectionRecordSchema>;

export const initialConnection = (now: number): ConnectionRecord => ({ state: 'off', since: now });

export interface GatewaySummary {
  id: string;
  region: string;
  city: string;
}

/** What the popup needs to draw the connection at a glance. */
export interface ConnectionStatus extends ConnectionRecord {
  gateway?: GatewaySummary;
  version: string;
  protectionEnabled: boolean;
  vpnEnabled: boolean;
  killSwitch: boolean;
  proxyControlledByOther: boolean;
}
