import { z } from 'zod';
import { gatewayView } from '../../src/api/vpn';
import type { KeyValueArea } from '../platform';

/**
 * What the account link keeps in storage for the rest of the background to read at once: one place for each
 * record's key, area and shape, so the writer (the account service) and the readers (routing, proxy auth,
 * pages) cannot drift apart.
 */
const record = <T>(area: 'local' | 'session', key: string, schema: z.ZodType<T>) => ({ area, key, schema });

export const records = {
  /**
   * Test builds only: the account service the end-to-end suite started on a random loopback port. Not a
   * setting, so neither the settings patch nor a settings file can reach it.
   */
  serviceOverride: record('local', 'serviceUrlOverride', z.url({ protocol: /^https?$/ }).max(300)),
  gateways: record('local', 'gateways', z.array(gatewayView.extend({ id: z.string() }))),
  tier: record('local', 'tier', z.enum(['anonymous', 'free', 'unlimited'])),
  /** The reset time of the daily limit the user was last told about (one notification per limit). */
  limitNotified: record('local', 'limitNotified', z.number()),
  /** A proxy credential and when to renew it (half-life with jitter). */
  proxyCredential: record(
    'session',
    'proxyCredential',
    z.object({ username: z.string(), password: z.string(), expiresAt: z.number(), renewAt: z.number() }),
  ),
  /**
   * The routing last applied to the browser: a hash of everything it was compiled from, and the length of the
   * PAC script then set (null: the browser's own settings). A woken worker with the same inputs skips the work.
   */
  appliedRouting: record(
    'session',
    'appliedRouting',
    z.object({ key: z.string(), pacLength: z.number().nullable() }),
  ),
  /**
   * The threat rules last installed: a hash of their inputs, the ids of a few small ones to ask the browser
   * about, and whether some URL entries were beyond the rule budget.
   */
  appliedRules: record(
    'session',
    'appliedRules',
    z.object({ key: z.string(), probeIds: z.array(z.number()), overflow: z.boolean() }),
  ),
  /** Gateways whose check failed, each with the time until which routing passes it over. */
  unreachableGateways: record('session', 'unreachableGateways', z.record(z.string(), z.number())),
  /** The SHA-256 of the downloaded threat list in IndexedDB, so a start knows it without loading the list. */
  threatListInForce: record('local', 'threatListInForce', z.string()),
};

export type RecordName = keyof typeof records;
export type RecordValue<N extends RecordName> = z.infer<(typeof records)[N]['schema']>;

/** Reads a record, or null when it is missing or malformed (then it is as if never written). */
export async function readRecord<N extends RecordName>(
  areas: { local: KeyValueArea; session: KeyValueArea },
  name: N,
): Promise<RecordValue<N> | null> {
  const { area, key, schema } = records[name];
  const parsed = (schema as z.ZodType<RecordValue<N>>).safeParse(await areas[area].get(key));
  return parsed.success ? parsed.data : null;
}

export function writeRecord<N extends RecordName>(
  areas: { local: KeyValueArea; session: KeyValueArea },
  name: N,
  value: RecordValue<N>,
): Promise<void> {
  const { area, key } = records[name];
  return areas[area].set(key, value);
}

export function removeRecord(
  areas: { local: KeyValueArea; session: KeyValueArea },
  name: RecordName,
): Promise<void> {
  const { area, key } = records[name];
  return areas[area].remove(key);
}
