import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import type { Database, Queryable, QueryResult } from './database';

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
  const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await q.query<Row>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
  });
  const wrapped: Database = {
    ...wrap(db),
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    exec: async (sql) => {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
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
