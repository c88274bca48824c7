import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { mkdirSync } from 'node:fs';
import pg from 'pg';
import type { Database } from './database';
import { batchPipelinedMessages } from './pgliteBatching';
import { poolDatabase } from './pgPool';

/**
 * Embedded PostgreSQL in WebAssembly: a data folder, or `:memory:` for tests. `template` is a data-folder
 * dump (see `dumpPglite`) to start from: loading one is several times faster than a fresh initdb, which
 * keeps a test suite with one database per file quick.
 */
export async function openPglite(dataDir: string, template?: Blob): Promise<Database> {
  if (dataDir !== ':memory:') mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({
    ...(dataDir === ':memory:' ? {} : { dataDir }),
    ...(template ? { loadDataDir: template } : {}),
  });
  // Through node-postgres, the same driver as a PostgreSQL server: identical type parsing on both, and named
  // prepared statements (see `pgPool.ts`). PGlite is one connection, so the pool holds one client and a
  // transaction has it to itself until it ends. The connection only calls `execProtocolStream` (it checks for
  // that method, not for the class), so it takes the batching wrapper in PGlite's place.
  const pool = new pg.Pool({
    ...createPgConfig(batchPipelinedMessages(db) as PGlite),
    max: 1,
    idleTimeoutMillis: 0,
  });
  const wrapped = poolDatabase(pool, () => db.close());
  dumps.set(wrapped, () => db.dumpDataDir('none'));
  return wrapped;
}

const dumps = new WeakMap<Database, () => Promise<Blob>>();

/** The data folder of an open PGlite database as one archive, to seed others with `openPglite(dir, template)`. */
export function dumpPglite(db: Database): Promise<Blob> {
  const dump = dumps.get(db);
  if (dump === undefined) throw new Error('not a PGlite database');
  return dump();
}
