import { z } from 'zod';
import { finishedCheckSchema } from '../messages/contract';
import { storedValue } from './define';

export const detectionSchema = z.object({
  url: z.string(),
  threat: z.string(),
  list: z.string(),
  at: z.number(),
  /** 'page': a navigation stopped at the warning; 'resource': a sub-resource blocked on some page. */
  kind: z.enum(['page', 'resource']),
});
export type Detection = z.infer<typeof detectionSchema>;

export const protectionValues = {
  /** Recent detections for the popup and the portal, newest last. */
  detections: storedValue({ area: 'local', key: 'detections', version: 1, schema: z.array(detectionSchema) }),
  /** Short allowances granted from the warning page: host → when it ends (ms). */
  allowances: storedValue({
    area: 'local',
    key: 'allowances',
    version: 1,
    schema: z.record(z.string(), z.number()),
  }),
  /** When an update check last confirmed the list in force (ms): its age counts from then. */
  threatsCheckedAt: storedValue({ area: 'local', key: 'threatsCheckedAt', version: 1, schema: z.number() }),
  /** How the last update check ended, so every page shows the same line, after a restart too. */
  threatsLastCheck: storedValue({
    area: 'local',
    key: 'threatsLastCheck',
    version: 1,
    schema: finishedCheckSchema,
  }),
  /**
   * The threat rules last installed: a hash of their inputs, the ids of a few small ones to ask the browser
   * about, and whether some URL entries were beyond the rule budget. A woken worker with the same inputs
   * skips the work.
   */
  appliedRules: storedValue({
    area: 'session',
    key: 'appliedRules',
    version: 1,
    schema: z.object({ key: z.string(), probeIds: z.array(z.number()), overflow: z.boolean() }),
  }),
  /** The SHA-256 of the downloaded threat list in IndexedDB, so a start knows it without loading the list. */
  threatListInForce: storedValue({
    area: 'local',
    key: 'threatListInForce',
    version: 1,
    schema: z.string().regex(/^[0-9a-f]{64}$/),
  }),
};
