// One migrated database per test file, fast: the first file builds a migrated PGlite and keeps its data
// folder as a template in the temp directory; every later file loads the template (a couple of seconds)
// instead of running initdb and the migrations again. With TEST_DATABASE_URL set, the same tests run on a
// real PostgreSQL server instead, each file in its own schema.
import { createHash, randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  dumpPglite,
  loadMigrations,
  migrate,
  openDatabase,
  openPglite,
  type Database,
} from '../../../server/db';
import { queueSchemaFor } from '../../../server/mail/queue';

const templatePath = () => {
  const version = createHash('sha256')
    .update(
      loadMigrations()
        .map((m) => m.sql)
        .join('\n'),
    )
    .digest('hex')
    .slice(0, 16);
  return join(tmpdir(), `rampart-pglite-template-${version}.tar`);
};

async function pgliteFromTemplate(): Promise<Database> {
  const path = templatePath();
  const cached = await readFile(path).catch(() => null);
  if (cached !== null) return openPglite(':memory:', new Blob([cached]));
  const db = await openPglite(':memory:');
  await migrate(db);
  const dump = Buffer.from(await (await dumpPglite(db)).arrayBuffer());
  // Written aside then renamed: a file running in parallel never reads half a template.
  const partial = `${path}.${randomUUID()}`;
  await writeFile(partial, dump);
  await rename(partial, path);
  return db;
}

/** PostgreSQL for this file: a fresh schema, dropped again by `close`. */
async function postgresSchema(url: string): Promise<Database> {
  const schema = `rampart_test_${randomUUID().replace(/-/g, '')}`;
  const admin = await openDatabase({ kind: 'postgres', url });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  const db = await openDatabase({ kind: 'postgres', url: withSchema.toString() });
  return {
    ...db,
    async close() {
      await db.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      // The mail queue's tables (pg-boss) sit in a schema named after the service's own.
      await admin.exec(`DROP SCHEMA IF EXISTS ${queueSchemaFor(schema)} CASCADE`);
      await admin.close();
    },
  };
}

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

/** The database of one test file: PostgreSQL when TEST_DATABASE_URL is set, else PGlite from the template. */
export const testDatabase = (): Promise<Database> =>
  testDatabaseUrl !== undefined ? postgresSchema(testDatabaseUrl) : pgliteFromTemplate();
