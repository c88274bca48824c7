import { z } from 'zod';
import { int32Count, text } from './storable';

// The threat list as the account service publishes it (see src/threats for the snapshot and delta shapes,
// which are validated there, after download, with their SHA-256).

export const THREATS_LATEST_PATH = '/api/v1/threats/latest';
export const THREATS_SNAPSHOT_PATH = '/api/v1/threats/snapshot';
/** `?since=<version>`: the delta from that version to the latest. 404 when no such delta is kept. */
export const THREATS_DELTA_PATH = '/api/v1/threats/delta';
export const FALSE_POSITIVE_PATH = '/api/v1/threats/false-positives';

export const threatsLatestResponse = z.object({
  version: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
});
export type ThreatsLatest = z.infer<typeof threatsLatestResponse>;

/** The body of the snapshot endpoint: the snapshot (validated later by `verifySnapshot`) and its hash. */
export const threatsSnapshotResponse = z.object({ snapshot: z.unknown(), sha256: z.string() });

export const falsePositiveRequest = z.strictObject({
  url: text().min(1).max(8192),
  /** The list version the extension enforced when the user reported. */
  listVersion: int32Count(),
  comment: text().max(2000).optional(),
});
export type FalsePositiveRequest = z.infer<typeof falsePositiveRequest>;
