import { z } from 'zod';
import { isValidHostname } from './hostname';
import { SNAPSHOT_FORMAT } from './snapshot';
import { isSortedUnique } from './sorted';
import { THREAT_TYPES } from './types';

// What a downloaded snapshot or delta must look like before the extension will even hash it.

const sortedUnique = <T extends z.ZodType<string>>(item: T) =>
  z.array(item).refine(isSortedUnique, { message: 'must be sorted and unique' });

const domain = z.string().refine(isValidHostname, { message: 'not a hostname' });
// An expression is printable ASCII (canonicalisation escaped the rest) with a path.
const urlExpression = z
  .string()
  .max(4096)
  .regex(/^[^/\s]+\/[\x21-\x7e]*$/);

export const entryTagSchema = z.object({ threat: z.enum(THREAT_TYPES), list: z.string().min(1).max(200) });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const version = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const snapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: version.positive(),
  createdAt: z.iso.datetime({ offset: true }),
  domains: sortedUnique(domain),
  urls: sortedUnique(urlExpression),
  tags: z.object({ default: entryTagSchema, overrides: z.record(z.string(), entryTagSchema) }),
});

export const deltaSchema = z
  .object({
    format: z.literal(SNAPSHOT_FORMAT),
    from: version,
    to: version.positive(),
    createdAt: z.iso.datetime({ offset: true }),
    addDomains: sortedUnique(domain),
    removeDomains: sortedUnique(domain),
    addUrls: sortedUnique(urlExpression),
    removeUrls: sortedUnique(urlExpression),
    tags: z.object({
      default: entryTagSchema,
      set: z.record(z.string(), entryTagSchema),
      unset: z.array(z.string()),
    }),
    /** SHA-256 of the snapshot the delta produces. */
    sha256,
  })
  .refine((delta) => delta.to > delta.from, { message: 'a delta must move forward' });

export type ThreatDelta = z.infer<typeof deltaSchema>;
