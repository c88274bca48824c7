// Queries with parameters run as named prepared statements on both drivers (PGlite through node-postgres, and
// PostgreSQL when TEST_DATABASE_URL is set). A statement stays usable after it failed, concurrent queries each
// get their own answer, and a transaction keeps the one PGlite connection to itself until it ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/db';
import { testDatabase } from './database';

let db: Database;

beforeAll(async () => {
  db = await testDatabase();
  await db.exec('CREATE TABLE prepared_t (id uuid PRIMARY KEY, n integer NOT NULL, at timestamptz)');
}, 60_000);
afterAll(() => db.close());

const ids = Array.from({ length: 40 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
const insert = 'INSERT INTO prepared_t (id, n, at) VALUES ($1, $2, $3)';
const byId = 'SELECT n, at FROM prepared_t WHERE id = $1';

describe('prepared statements', () => {
  it('reuses one statement text with different values, each answer its own', async () => {
    const at = new Date('2026-11-23T10:00:00Z');
    for (const [i, id] of ids.entries()) await db.query(insert, [id, i, at]);
    const answers = await Promise.all(ids.map((id) => db.query<{ n: number; at: Date }>(byId, [id])));
    expect(answers.map((a) => a.rows)).toEqual(ids.map((_, i) => [{ n: i, at }]));
  });

  it('a statement that failed on its values still works with good ones afterwards', async () => {
    await expect(db.query(byId, ['not-a-uuid'])).rejects.toMatchObject({ code: '22P02' });
    await expect(db.query(insert, [ids[0], 1, null])).rejects.toMatchObject({ code: '23505' });
    expect((await db.query(byId, [ids[3]])).rows).toEqual([{ n: 3, at: new Date('2026-11-23T10:00:00Z') }]);
  });

  it('a query sent while a transaction is open never runs inside it (PGlite has one connection)', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = db.transaction(async (tx) => {
      await tx.query('UPDATE prepared_t SET n = $2 WHERE id = $1', [ids[5], 500]);
      await held;
      throw new Error('rolled back on purpose');
    });
    const outside = db.query<{ n: number }>('SELECT n FROM prepared_t WHERE id = $1', [ids[5]]);
    release();
    await expect(transaction).rejects.toThrow('rolled back on purpose');
    expect((await outside).rows).toEqual([{ n: 5 }]);
  });

  it('rolls back a transaction whose statement failed, and the connection serves the next query', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('UPDATE prepared_t SET n = $2 WHERE id = $1', [ids[6], 600]);
        await tx.query(insert, [ids[7], 7, null]);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect((await db.query<{ n: number }>('SELECT n FROM prepared_t WHERE id = $1', [ids[6]])).rows).toEqual([
      { n: 6 },
    ]);
  });
});
