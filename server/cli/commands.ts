// The operator commands behind `npm run rampart`; importable so tests run them against their own database.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { email as emailSchema } from '../../src/api/common';
import type { Config } from '../config';
import { gatewaysRepository, migrate, openDatabase, usersRepository, type Database } from '../db';
import { assertStrongPassword } from '../services/accounts';
import { createPasswordHasher } from '../security/passwords';
import { createSubscriptionsService } from '../services/subscriptions';
import { createThrottle } from '../services/throttle';
import { createVpnService } from '../services/vpn';
import { generateCredentialKeys } from '../credentials';
import { credentialSigner } from '../services/credential-signer';
import { ApiError } from '../errors';
import { threatCommands } from './threats';

const usage = `Usage: npm run rampart -- <command>
  migrate
  activation-codes create --count N --days D --devices K
  gateways add --region R --city C --host H --port P
  gateways list
  users create --email E --password P
  threats import --format urlhaus-csv|hosts|domains|urls --name LIST [--threat malware|phishing|scam|unwanted] FILE...
  threats list
  threats false-positives [--limit N]`;

const positive = z.coerce.number().int().positive();
const now = () => new Date();

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

type Command = (db: Database, args: string[], config: Config, io: CliIo) => Promise<void>;

const options = <T extends Record<string, { type: 'string' }>>(args: string[], spec: T) =>
  parseArgs({ args, options: spec, strict: true }).values as { [K in keyof T]?: string };

const commands: Record<string, Command> = {
  // `runCli` migrates before any command; this one only reports it.
  migrate: async (_db, _args, _config, io) => io.out('Database is up to date.'),

  'activation-codes create': async (db, args, config, io) => {
    const values = options(args, {
      count: { type: 'string' },
      days: { type: 'string' },
      devices: { type: 'string' },
    });
    const count = positive.max(10_000).parse(values.count ?? '1');
    const days = positive.max(3650).parse(values.days);
    const devices = positive.max(100).parse(values.devices);
    const service = createSubscriptionsService({
      db,
      now,
      limits: config.limits,
      throttle: createThrottle(config.throttle, { db, sleep: async () => {} }),
    });
    for (const code of await service.createCodes(count, days, devices)) io.out(code);
    io.err(
      `${count} code(s): ${days} days, ${devices} device(s) each. Shown once; only their hashes are stored.`,
    );
  },

  'gateways add': async (db, args, config, io) => {
    const values = options(args, {
      region: { type: 'string' },
      city: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
    });
    const input = z
      .object({
        region: z.string().min(1),
        city: z.string().min(1),
        host: z.string().min(1),
        port: z.coerce.number().int().min(1).max(65535),
      })
      .parse(values);
    const vpn = createVpnService({
      db,
      now,
      limits: config.limits,
      signer: credentialSigner(generateCredentialKeys()),
    });
    const gateway = await vpn.addGateway(input);
    io.out(`${gateway.id}  ${gateway.region}/${gateway.city}  ${gateway.host}:${gateway.port}`);
  },

  'gateways list': async (db, _args, _config, io) => {
    const rows = await gatewaysRepository(db).list();
    if (rows.length === 0) io.out('No gateways.');
    for (const g of rows) io.out(`${g.id}  ${g.region}/${g.city}  ${g.host}:${g.port}  load ${g.load}`);
  },

  'users create': async (db, args, config, io) => {
    const values = options(args, { email: { type: 'string' }, password: { type: 'string' } });
    const email = emailSchema.parse(values.email);
    const password = z.string().min(1).parse(values.password);
    assertStrongPassword(password, email);
    const hasher = createPasswordHasher(config.argon2);
    // Created by an operator: the address counts as verified.
    const created = await usersRepository(db).insert({
      id: randomUUID(),
      email,
      passwordHash: await hasher.hash(password),
      now: now(),
      verified: true,
    });
    if (!created) throw new Error(`an account with ${email} already exists`);
    io.out(`Created ${email}.`);
  },

  ...threatCommands(now),
};

/**
 * Runs one command and returns the exit code. With `db` the caller's database is used (and left open);
 * otherwise the configured one is opened, migrated and closed.
 */
export async function runCli(argv: string[], config: Config, io: CliIo, db?: Database): Promise<number> {
  const name = argv.slice(0, 2).join(' ');
  const [command, rest] =
    commands[name] !== undefined ? [commands[name], argv.slice(2)] : [commands[argv[0] ?? ''], argv.slice(1)];
  if (command === undefined) {
    io.err(usage);
    return 2;
  }
  const database = db ?? (await openDatabase(config.database));
  try {
    const applied = await migrate(database);
    if (applied.length > 0) io.err(`Applied migrations: ${applied.join(', ')}`);
    await command(database, rest, config, io);
    return 0;
  } catch (error) {
    if (error instanceof z.ZodError) io.err(`Invalid arguments: ${z.prettifyError(error)}\n\n${usage}`);
    else if (error instanceof ApiError) io.err(`${error.code}: ${error.message}`);
    else io.err(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    if (db === undefined) await database.close();
  }
}
