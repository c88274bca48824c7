import { z } from 'zod';
import { snapshotSchema } from '../threats/snapshotSchema';
import { databaseValue } from './define';

export const threatListValues = {
  /**
   * The threat list last downloaded and verified, with the hash it was verified against. Read back, it must
   * still match both, or the bundled list is used instead.
   */
  threatList: databaseValue({
    area: 'indexedDB',
    database: 'rampart-threats',
    databaseVersion: 1,
    store: 'lists',
    key: 'current',
    version: 1,
    schema: z.object({
      snapshot: snapshotSchema,
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      installedAt: z.number(),
    }),
  }),
};
