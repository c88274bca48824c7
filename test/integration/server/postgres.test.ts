// With TEST_DATABASE_URL every server test runs on that PostgreSQL server (the `pg` driver); this file adds
// checks that only make sense there, and is skipped otherwise:
//   TEST_DATABASE_URL=postgres://user:pass@127.0.0.1:5432/db npx vitest run … test/integration/server
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_SECRET_HEADER } from '../../../src/api/proxyCredential';
import { runCli } from '../../../server/cli/commands';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../../server/db';
import { loadMigrations, migrate } from '../../../server/db/migrate';
import { testDatabase, testDatabaseUrl } from './database';
import {
  Client,
  GATEWAY_SECRET,
  registeredDevice,
  signedInUser,
  startServer,
  totpNow,
  type TestServer,
} from './helpers';
import { routes } from '../../../src/api/routes';

describe.skipIf(testDatabaseUrl === undefined)('on PostgreSQL (TEST_DATABASE_URL)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ db: await testDatabase() });
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await server.db.close();
  }, 30_000);

  it('migrates once and records the versions', async () => {
    const { rows } = await server.db.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
  });

  it('runs each migration once when several instances start at once on an empty schema', async () => {
    const url = testDatabaseUrl ?? '';
    const schema = `rampart_migrate_${randomUUID().replace(/-/g, '')}`;
    const admin = await openDatabase({ kind: 'postgres', url });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    const withSchema = new URL(url);
    withSchema.searchParams.set('options', `-c search_path=${schema}`);
    const instances = await Promise.all(
      [1, 2, 3].map(() => openDatabase({ kind: 'postgres', url: withSchema.toString() })),
    );
    try {
      const applied = await Promise.all(instances.map((db) => migrate(db)));
      // Between them, every shipped migration exactly once; the others waited on the lock and found it done.
      expect(applied.flat().sort((a, b) => a - b)).toEqual(loadMigrations().map((m) => m.version));
      const { rows } = await admin.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${schema}.schema_migrations`,
      );
      expect(Number(rows[0]?.n)).toBe(loadMigrations().length);
    } finally {
      await Promise.all(instances.map((db) => db.close()));
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    }
  });

  it('signs up, verifies, signs in with 2FA and manages sessions', async () => {
    const { client, email, password } = await signedInUser(server);
    const setup = (await client.post('/api/v1/account/two-factor/setup')).body;
    expect(
      (await client.post('/api/v1/account/two-factor/confirm', { code: totpNow(setup.secret, server) }))
        .status,
    ).toBe(200);
    const browser = new Client(server.url);
    const pending = (await browser.post('/api/v1/sessions', { email, password })).body.pendingToken;
    expect(
      (
        await browser.post('/api/v1/sessions/two-factor', {
          pendingToken: pending,
          code: totpNow(setup.secret, server, 1),
        })
      ).status,
    ).toBe(200);
    expect((await client.get('/api/v1/sessions')).body.sessions).toHaveLength(2);
  });

  it('registers, rotates, links, activates, issues credentials and meters usage', async () => {
    const { email, password } = await signedInUser(server);
    const device = await registeredDevice(server);
    const rotated = await device.client.post('/api/v1/devices/token', { refreshToken: device.refreshToken });
    const auth = { authorization: `Bearer ${rotated.body.accessToken}` };
    expect(
      (await device.client.post('/api/v1/devices/token', { refreshToken: device.refreshToken })).status,
    ).toBe(400);
    const again = await registeredDevice(server);
    expect(
      (await again.client.post('/api/v1/devices/me/link', { email, password }, again.auth)).body.tier,
    ).toBe('free');
    expect((await device.client.get('/api/v1/devices/me', auth)).status).toBe(401);

    const out: string[] = [];
    await runCli(
      ['activation-codes', 'create', '--count', '1', '--days', '10', '--devices', '3'],
      server.config,
      { out: (l) => out.push(l), err: () => {} },
      server.db,
    );
    expect(
      (await again.client.post('/api/v1/devices/me/activate', { code: out[0] }, again.auth)).body.subscription
        .tier,
    ).toBe('unlimited');

    const day = server.clock.now().toISOString().slice(0, 10);
    const report = {
      batchId: 'pg-batch-1',
      gatewayId: 'gw',
      entries: [{ deviceId: again.deviceId, accountId: null, day, uploadBytes: 10, downloadBytes: 20 }],
    };
    const headers = { [GATEWAY_SECRET_HEADER]: GATEWAY_SECRET };
    expect((await new Client(server.url).post(routes.gatewayUsage.path, report, headers)).body.accepted).toBe(
      1,
    );
    expect(
      (await new Client(server.url).post(routes.gatewayUsage.path, report, headers)).body.duplicate,
    ).toBe(true);
    const credential = await again.client.post('/api/v1/vpn/credentials', undefined, again.auth);
    expect(credential.body.payload).toMatchObject({ tier: 'unlimited', usedBytesAtIssue: 30 });
  });
});
