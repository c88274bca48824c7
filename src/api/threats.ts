import { z } from 'zod';
import { int32Count, text } from './storable';

// The threat list as the account service publishes it (see src/threats for the snapshot and delta shapes,
// which are validated there, after download, with their SHA-256). Paths are in `./routes`.

export const threatsLatestResponse = z.object({
  version: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
});
export type ThreatsLatest = z.infer<typeof threatsLatestResponse>;

/** `?since=<version>`: the delta from that version to the latest. 404 when no such delta is kept. */
export const threatsDeltaQuery = z.object({
  since: z
    .string({ message: 'Required: the version the client has' })
    .regex(/^\d{1,10}$/, { message: 'must be a list version, a non-negative integer' })
    .transform(Number)
    .pipe(int32Count()),
});
/** The delta itself, checked by `verifyDelta` (src/threats) against the list the client holds. */
export const threatsDeltaResponse = z.unknown();

/** The body of the snapshot endpoint: the snapshot (validated later by `verifySnapshot`) and its hash. */
export const threatsSnapshotResponse = z.object({ snapshot: z.unknown(), sha256: z.string() });

export const falsePositiveRequest = z.strictObject({
  url: text().min(1).max(8192),
  /** The list version the extension enforced when the user reported. */
  listVersion: int32Count(),
  comment: text().max(2000).optional(),
});
export type FalsePositiveRequest = z.infer<typeof falsePositiveRequest>;
/** A report is only acknowledged; what happens to it is the service's business. */
export const falsePositiveResponse = z.object({ received: z.literal(true) });
