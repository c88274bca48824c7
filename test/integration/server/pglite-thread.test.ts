// PGlite in a data folder runs on its own thread (`openDatabase` with a folder): the same Database contract
// as in-process PGlite, with transactions, PostgreSQL error codes and durability across a reopen.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Database } from '../../../server/db';
import { registeredDevice, signedInUser, startServer } from './helpers';

let dir: string;
let db: Database;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rampart-pglite-thread-'));
  db = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'data') });
  await db.exec('CREATE TABLE t (id integer PRIMARY KEY, note text); CREATE TABLE c (n integer NOT NULL)');
  await db.query('INSERT INTO c (n) VALUES (0)');
}, 60_000);
afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('PGlite on its own thread', () => {
  it('answers queries with rows and counts; parameters of every kind arrive intact', async () => {
    const when = new Date('2026-11-23T12:00:00Z');
    const inserted = await db.query('INSERT INTO t (id, note) VALUES ($1, $2), ($3, $4)', [1, 'a', 2, null]);
    expect(inserted.rowCount).toBe(2);
    const { rows } = await db.query<{ id: number; note: string | null; at: Date }>(
      'SELECT id, note, $1::timestamptz AS at FROM t ORDER BY id',
      [when],
    );
    expect(rows).toEqual([
      { id: 1, note: 'a', at: when },
      { id: 2, note: null, at: when },
    ]);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    const value = await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t (id, note) VALUES (10, $1)', ['kept']);
      return 'done';
    });
    expect(value).toBe('done');
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t (id, note) VALUES (11, $1)', ['lost']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const { rows } = await db.query<{ id: number }>('SELECT id FROM t WHERE id >= 10 ORDER BY id');
    expect(rows).toEqual([{ id: 10 }]);
  });

  it('keeps PostgreSQL error codes, and a failed statement fails its transaction', async () => {
    await expect(db.query('INSERT INTO t (id) VALUES (1)')).rejects.toMatchObject({ code: '23505' });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t (id) VALUES (20)');
        await tx.query('INSERT INTO t (id) VALUES (20)');
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect((await db.query('SELECT id FROM t WHERE id = 20')).rows).toEqual([]);
  });

  it('runs concurrent transactions one after another (no lost update)', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.transaction(async (tx) => {
          const { rows } = await tx.query<{ n: number }>('SELECT n FROM c');
          await tx.query('UPDATE c SET n = $1', [rows[0]!.n + 1]);
        }),
      ),
    );
    expect((await db.query('SELECT n FROM c')).rows).toEqual([{ n: 20 }]);
  });

  it('keeps the data across a close and a reopen, and refuses work once closed', async () => {
    const folder = join(dir, 'reopen');
    const first = await openDatabase({ kind: 'pglite', dataDir: folder });
    await first.exec('CREATE TABLE kept (v text)');
    await first.query('INSERT INTO kept VALUES ($1)', ['still here']);
    await first.close();
    await expect(first.query('SELECT 1')).rejects.toThrow('closed');
    const second = await openDatabase({ kind: 'pglite', dataDir: folder });
    expect((await second.query('SELECT v FROM kept')).rows).toEqual([{ v: 'still here' }]);
    await second.close();
  }, 60_000);

  it('carries the account service: migrations, sign-up, a device, a credential', async () => {
    const appDb = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'service') });
    await migrate(appDb);
    const server = await startServer({ db: appDb });
    try {
      const { email } = await signedInUser(server);
      expect(email).toContain('@');
      const device = await registeredDevice(server);
      const credential = await device.client.post('/api/v1/vpn/credentials', undefined, device.auth);
      expect(credential.status).toBe(200);
      expect(credential.body.username).toBe(device.deviceId);
    } finally {
      await server.close();
      await appDb.close();
    }
  }, 60_000);
});
